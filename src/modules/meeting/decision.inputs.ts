import { Field, InputType, Int } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { DecidingBody } from "./decision.types";
import { VoteChoice } from "./vote.entity";

@InputType("ProposedVote")
export class ProposedVoteInput {
  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => VoteChoice)
  choice: VoteChoice;
}

@InputType("DecisionInput", { description: "A decision to evaluate: who attends, how they vote, under which Art. 8 item." })
export class DecisionInput {
  @Field(() => DecidingBody)
  body: DecidingBody;

  @Field(() => DateScalar, { description: "The meeting day: voting rights and Art. 9-2 are judged on it." })
  date: IsoDate;

  @Field(() => Int, { description: "Charter Art. 8 item, 1-11." })
  charterItem: number;

  @Field(() => Boolean, { defaultValue: false })
  writtenConsultation: boolean;

  @Field(() => [String], { description: "Slugs of the governments present (or replying)." })
  attendance: string[];

  @Field(() => [ProposedVoteInput])
  votes: ProposedVoteInput[];
}
