import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { AgendaItem } from "./agenda-item.entity";
import { ProposedVoteInput } from "./decision.inputs";
import { Meeting, MeetingFormat } from "./meeting.entity";
import { VoteChoice } from "./vote.entity";

@InputType("ChairExtensionInput", { description: "A chair extension the item decides (Charter Art. 7(1))." })
export class ChairExtensionInput {
  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => DateScalar)
  from: IsoDate;

  @Field(() => DateScalar, { nullable: true })
  until: IsoDate | null;
}

@InputType("AgendaItemRecordInput")
export class AgendaItemRecordInput {
  @Field(() => String)
  title: string;

  @Field(() => Int, { description: "Charter Art. 8 item, 1-11." })
  charterItem: number;

  @Field(() => [ProposedVoteInput], { description: "Each present government's vote; none for an item decided without a recorded vote." })
  votes: ProposedVoteInput[];

  @Field(() => ChairExtensionInput, { nullable: true })
  extendsChair?: ChairExtensionInput | null;

  @Field(() => String, { nullable: true })
  source?: string | null;
}

@InputType("RecordMeetingInput", { description: "A held meeting with its attendance, agenda items and votes." })
export class RecordMeetingInput {
  @Field(() => String, { description: "Committee slug, e.g. general-assembly." })
  committee: string;

  @Field(() => String)
  title: string;

  @Field(() => MeetingFormat)
  format: MeetingFormat;

  @Field(() => DateScalar)
  startsOn: IsoDate;

  @Field(() => DateScalar)
  endsOn: IsoDate;

  @Field(() => String, { nullable: true, description: "Slug of the host government." })
  host: string | null;

  @Field(() => Int, { nullable: true, description: "Ordinal of a General Assembly." })
  number?: number | null;

  @Field(() => [String], { description: "Slugs of the governments present; every vote must come from one of them." })
  attendance: string[];

  @Field(() => [AgendaItemRecordInput])
  agendaItems: AgendaItemRecordInput[];

  @Field(() => String, { nullable: true })
  source?: string | null;
}

@InputType("RecordAttendanceInput", { description: "Governments found present at a recorded meeting after it was recorded." })
export class RecordAttendanceInput {
  @Field(() => ID, { description: "The meeting's global ID." })
  meeting: string;

  @Field(() => Int, { description: "The meeting's version as you read it." })
  version: number;

  @Field(() => [String], { description: "Government slugs." })
  governments: string[];

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Say true to record a change of a recorded outcome that this write brings about (the earlier decision stays readable with asKnownOn); without it such a write is refused.",
  })
  acknowledgeRecomputation: boolean;
}

@InputType("RecordVoteInput", { description: "One present government's vote on an agenda item." })
export class RecordVoteInput {
  @Field(() => ID, { description: "The agenda item's global ID." })
  agendaItem: string;

  @Field(() => Int, { description: "The meeting's version as you read it." })
  version: number;

  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => VoteChoice)
  choice: VoteChoice;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Say true to record a change of a recorded outcome that this write brings about (the earlier decision stays readable with asKnownOn); without it such a write is refused.",
  })
  acknowledgeRecomputation: boolean;
}

@InputType("CorrectDecisionInput", {
  description: "Decides a recorded agenda item again, on the records known now, and records that decision as a correction.",
})
export class CorrectDecisionInput {
  @Field(() => ID, { description: "The agenda item's global ID." })
  agendaItem: string;

  @Field(() => Int, { description: "The meeting's version as you read it." })
  version: number;

  @Field(() => String, { description: "Why the decision is corrected (kept with it)." })
  reason: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Say true to record a change of a recorded outcome that this write brings about (the earlier decision stays readable with asKnownOn); without it such a write is refused.",
  })
  acknowledgeRecomputation: boolean;
}

@ObjectType("MeetingWriteSuccess")
export class MeetingWriteSuccess {
  @Field(() => Meeting)
  meeting: Meeting;
}

@ObjectType("RecordVoteSuccess")
export class RecordVoteSuccess {
  @Field(() => AgendaItem)
  agendaItem: AgendaItem;
}

@ObjectType("CorrectDecisionSuccess")
export class CorrectDecisionSuccess {
  @Field(() => AgendaItem, {
    description: "The item, with its decision as now recorded (`outcome`) and the earlier one readable with asKnownOn.",
  })
  agendaItem: AgendaItem;
}
