import { Field, ObjectType } from "type-graphql";
import { connectionType } from "../../core/pagination";
import { Meeting } from "./meeting.entity";
import { VoteChoice } from "./vote.entity";

export const MeetingConnection = connectionType(Meeting, "Meeting");

@ObjectType("VoteRecord", { description: "How one government voted on one agenda item." })
export class VoteRecord {
  governmentId: number;

  @Field(() => VoteChoice)
  choice: VoteChoice;
}
