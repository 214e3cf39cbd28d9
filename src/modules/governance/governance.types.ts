import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { MembershipKind } from "../membership";

@ObjectType("Reason", { description: "One reason behind a derived answer, with the article that gives it." })
export class ReasonType {
  @Field(() => String, { description: "Stable code, e.g. DUES_ARREARS, ASSOCIATE_NO_RIGHT." })
  code: string;

  @Field(() => String, { description: 'Where the rule is written, e.g. "Charter Art. 9(1)".' })
  article: string;

  @Field(() => String)
  message: string;
}

@ObjectType("RightsVerdict", { description: "Whether a government holds a right on a day, and why." })
export class RightsVerdictType {
  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => MembershipKind, { nullable: true, description: "The membership held that day; null when none." })
  membershipKind: MembershipKind | null;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

export enum DuesStatus {
  NOT_ASSESSED = "NOT_ASSESSED",
  NOT_ON_LEDGER = "NOT_ON_LEDGER",
  NOT_YET_DUE = "NOT_YET_DUE",
  PAID = "PAID",
  PARTLY_PAID = "PARTLY_PAID",
  UNPAID = "UNPAID",
}
registerEnumType(DuesStatus, {
  name: "DuesStatus",
  description: "NOT_ON_LEDGER: a year before the dues ledger's coverage, never counted as arrears.",
});

@ObjectType("FiscalYearDues", { description: "A government's dues for one fiscal year (Dues Reg. Art. 5), as known on `asOf`." })
export class FiscalYearDuesType {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => DateScalar, { description: "30 April of the fiscal year." })
  dueOn: IsoDate;

  @Field(() => Boolean)
  assessed: boolean;

  @Field(() => Boolean)
  onLedger: boolean;

  @Field(() => Int, { description: "In US cents: 100000 = USD 1,000." })
  assessedUsdCents: number;

  @Field(() => Int)
  waivedUsdCents: number;

  @Field(() => Int)
  paidUsdCents: number;

  @Field(() => Int, { nullable: true, description: "Null when the year is not on the ledger." })
  outstandingUsdCents: number | null;

  @Field(() => Boolean)
  overdue: boolean;

  @Field(() => DuesStatus)
  status: DuesStatus;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

@ObjectType("DuesStanding", { description: "Whether arrears restrict a government's rights on `asOf` (Dues Reg. Art. 6)." })
export class DuesStandingType {
  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => Boolean)
  restricted: boolean;

  @Field(() => DateScalar, { nullable: true })
  restrictedSince: IsoDate | null;

  @Field(() => Int, { nullable: true, description: "The fiscal year in which a payment restored rights despite arrears." })
  restoredInFiscalYear: number | null;

  @Field(() => [Int], { description: "Fiscal years on the ledger that are overdue and not paid in full." })
  fiscalYearsInArrears: number[];

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

export enum Majority {
  TWO_THIRDS = "TWO_THIRDS",
  MORE_THAN_HALF = "MORE_THAN_HALF",
}
registerEnumType(Majority, { name: "Majority", description: "TWO_THIRDS: Art. 9(2), items 1-5; MORE_THAN_HALF: Art. 9(3), items 6-11." });

export enum DecisionOutcome {
  PASSED = "PASSED",
  FAILED_NO_QUORUM = "FAILED_NO_QUORUM",
  FAILED_MAJORITY = "FAILED_MAJORITY",
  FAILED_NOT_COMPETENT = "FAILED_NOT_COMPETENT",
}
registerEnumType(DecisionOutcome, { name: "DecisionOutcome" });

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

export enum TallySource {
  PER_GOVERNMENT = "PER_GOVERNMENT",
  RECORDED_COUNTS = "RECORDED_COUNTS",
}
registerEnumType(TallySource, {
  name: "TallySource",
  description: "PER_GOVERNMENT: counted from attendance and votes; RECORDED_COUNTS: the sources give only the counts.",
});

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
}
