import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { FISCAL_YEAR_STATUSES } from "../../charter";
import type { FiscalYearStatus } from "../../charter";
import type { IsoDate } from "../../core/dates";
import { enumFrom } from "../../core/enums";
import { PageArgs } from "../../core/pagination";
import { ReasonType } from "../../core/reasons";
import { DateScalar } from "../../core/scalars";
import { Certainty, MembershipKind } from "../membership";

@ObjectType("RightsVerdict", { description: "Whether a government holds a right on a day, and why." })
export class RightsVerdictType {
  @Field(() => Boolean, {
    nullable: true,
    description: "Null when it is unknown: the sources do not say whether the government held a membership that day (see `certainty`).",
  })
  eligible: boolean | null;

  @Field(() => Certainty, {
    description: "KNOWN, or UNKNOWN when the day lies where the sources date the membership only roughly, or not at all.",
  })
  certainty: Certainty;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => MembershipKind, {
    nullable: true,
    description: "The membership held that day (or, when unknown, the one that may be held); null when none.",
  })
  membershipKind: MembershipKind | null;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

export const DuesStatus = enumFrom(
  FISCAL_YEAR_STATUSES,
  "DuesStatus",
  "UNKNOWN: the dues ledger records nothing of the year (no entry, no payment, no waiver): neither paid nor unpaid, and never counted as arrears.",
);
export type DuesStatus = FiscalYearStatus;

@ObjectType("FiscalYearDues", { description: "A government's dues for one fiscal year (Dues Reg. Art. 5), as known on `asOf`." })
export class FiscalYearDuesType {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => DateScalar, { description: "30 April of the fiscal year." })
  dueOn: IsoDate;

  @Field(() => Boolean, {
    nullable: true,
    description: "Null when it is unknown (whether it was a member on the due date, or admitted that year).",
  })
  assessed: boolean | null;

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

  @Field(() => [Int], { description: "Fiscal years the ledger records as overdue and not paid in full." })
  fiscalYearsInArrears: number[];

  @Field(() => [Int], {
    description: "Assessed fiscal years past their due date that the ledger records nothing of: unknown, never arrears.",
  })
  fiscalYearsUnknown: number[];

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

@ObjectType("RestrictedMember", { description: "A member whose rights arrears restrict (Dues Reg. Art. 6)." })
export class RestrictedMemberType {
  governmentId: number;

  @Field(() => DuesStandingType)
  standing: DuesStandingType;
}

@ArgsType()
export class VotingMembersArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: "Default today." })
  asOf?: IsoDate | null;
}
