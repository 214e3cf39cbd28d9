import { Field, GraphQLISODateTime, Int, ObjectType } from "type-graphql";
import { DECIDING_BODIES, DECISION_BASES, DECISION_OUTCOMES, MAJORITIES, TALLY_SOURCES } from "../../charter";
import type {
  DecidingBody as CharterDecidingBody,
  DecisionBasis as CharterDecisionBasis,
  DecisionOutcome as CharterDecisionOutcome,
  Majority as CharterMajority,
  TallySource as CharterTallySource,
} from "../../charter";
import { enumFrom } from "../../core/enums";
import { ReasonType } from "../../core/reasons";

export const DecidingBody = enumFrom(DECIDING_BODIES, "DecidingBody");
export type DecidingBody = CharterDecidingBody;

export const Majority = enumFrom(MAJORITIES, "Majority", "TWO_THIRDS: Art. 9(2), items 1-5; MORE_THAN_HALF: Art. 9(3), items 6-11.");
export type Majority = CharterMajority;

export const DecisionOutcome = enumFrom(DECISION_OUTCOMES, "DecisionOutcome");
export type DecisionOutcome = CharterDecisionOutcome;

export const DecisionBasis = enumFrom(
  DECISION_BASES,
  "DecisionBasis",
  "RECORDED: decided when its sitting was recorded (or its record completed); CORRECTED: decided again by a recorded correction; DECIDED_AT_UPGRADE: decided when the hub began keeping decisions, on the records it held then.",
);
export type DecisionBasis = CharterDecisionBasis;

export const TallySource = enumFrom(
  TALLY_SOURCES,
  "TallySource",
  "PER_GOVERNMENT: counted from attendance and votes; RECORDED_COUNTS: the sources give only the counts.",
);
export type TallySource = CharterTallySource;

@ObjectType("DecisionRule", { description: "The rule a Charter Art. 8 item is decided by." })
export class DecisionRuleType {
  @Field(() => Int)
  charterItem: number;

  @Field(() => String)
  subject: string;

  @Field(() => Majority)
  majority: Majority;

  @Field(() => String)
  article: string;

  @Field(() => Boolean, { description: "Decided by the Working Committee under Art. 9-2." })
  delegated: boolean;
}

@ObjectType("Tally")
export class TallyType {
  @Field(() => Int, { description: "Governments with voting rights on the meeting day." })
  votingMembers: number;

  @Field(() => Int, { description: "Of them, present (or replying)." })
  present: number;

  @Field(() => Int)
  votesFor: number;

  @Field(() => Int)
  votesAgainst: number;

  @Field(() => Int)
  abstentions: number;

  @Field(() => TallySource)
  source: TallySource;
}

@ObjectType("Decision", { description: "Whether a decision stands (Charter Art. 9), with the arithmetic." })
export class DecisionType {
  @Field(() => DecisionOutcome)
  outcome: DecisionOutcome;

  @Field(() => Int)
  quorumRequired: number;

  @Field(() => Boolean)
  quorumMet: boolean;

  @Field(() => Int)
  votesRequired: number;

  @Field(() => String)
  arithmetic: string;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

@ObjectType("RecordedDecision", {
  description:
    "A decision as recorded: decided by the charter with what was known when the sitting was recorded, and never derived again. `recomputed` on the agenda item says where today's records differ.",
})
export class RecordedDecisionType extends DecisionType {
  @Field(() => GraphQLISODateTime, { description: "When the hub recorded this decision (compare with asKnownOn)." })
  decidedAt: Date;

  @Field(() => DecisionBasis)
  basis: DecisionBasis;

  @Field(() => String, { nullable: true, description: "Why a correction decided it again (basis CORRECTED)." })
  correctionReason: string | null;
}

@ObjectType("DecisionRecomputation", {
  description: "What the records known now would decide of a recorded item, where that differs from the record.",
})
export class DecisionRecomputationType {
  @Field(() => DecisionOutcome, {
    nullable: true,
    description: "Null when today's records cannot decide it (their counts contradict the tally).",
  })
  outcome: DecisionOutcome | null;

  @Field(() => TallyType)
  tally: TallyType;

  @Field(() => String, { nullable: true })
  arithmetic: string | null;

  @Field(() => [ReasonType], { description: "First the DISCREPANCY (or TALLY_DIFFERS) that says how it differs, then the charter's." })
  reasons: ReasonType[];
}

@ObjectType("Quorum", { description: "Charter Art. 9(2): more than half of the governments with voting rights present." })
export class QuorumType {
  @Field(() => Int)
  votingMembers: number;

  @Field(() => Int, { nullable: true, description: "Null when attendance is not recorded government by government." })
  present: number | null;

  @Field(() => Int)
  required: number;

  @Field(() => Boolean, { nullable: true })
  met: boolean | null;

  @Field(() => Boolean, {
    description: "Recorded with the meeting's decisions (what was known when it was recorded); false: on the records known now.",
  })
  recorded: boolean;
}

@ObjectType("DecisionEvaluation")
export class DecisionEvaluationType {
  @Field(() => DecisionRuleType)
  rule: DecisionRuleType;

  @Field(() => TallyType)
  tally: TallyType;

  @Field(() => DecisionType)
  decision: DecisionType;
}
