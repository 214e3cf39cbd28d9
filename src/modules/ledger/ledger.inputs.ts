import { Field, Int, InputType, ObjectType } from "type-graphql";
import { LEDGER_STATUSES } from "../../charter";
import { enumFrom } from "../../core/enums";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { AssociationType } from "../association";
import { DuesLedgerEntry, DuesPayment, DuesWaiver } from "../dues";
import { Government } from "../government";

/** What a ledger entry may say; UNKNOWN removes what was recorded (a correction). */
export const LEDGER_ENTRY_STATUSES = [...LEDGER_STATUSES, "UNKNOWN"] as const;
export const LedgerEntryStatus = enumFrom(
  LEDGER_ENTRY_STATUSES,
  "LedgerEntryStatus",
  "PAID or UNPAID as the secretariat's records show; UNKNOWN takes back what was recorded (the year is then unknown again).",
);
export type LedgerEntryStatus = (typeof LEDGER_ENTRY_STATUSES)[number];

@InputType("DuesLedgerEntryInput", { description: "One member's fiscal year as the secretariat's records show it." })
export class DuesLedgerEntryInput {
  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => Int, { description: "2017 (the Dues Regulation's first) to this year." })
  fiscalYear: number;

  @Field(() => LedgerEntryStatus)
  status: LedgerEntryStatus;
}

@InputType("OpenDuesLedgerInput", {
  description:
    "What the secretariat's dues records show, member by member and year by year: PAID, UNPAID, or UNKNOWN to take back an entry. A year with no entry and no booked payment stays unknown and restricts no one.",
})
export class OpenDuesLedgerInput {
  @Field(() => [DuesLedgerEntryInput], { description: "At most 2000 entries, each member and year once." })
  entries: DuesLedgerEntryInput[];

  @Field(() => String, { description: "What the secretariat holds that shows it (a ledger book, bank statements): kept with every entry." })
  source: string;

  @Field(() => Int, { description: "The association's version as you read it (the ledger's lock)." })
  version: number;
}

/** What every ledger entry names: the government (and its version, which the entry moves) and the fiscal year. */
@InputType()
abstract class LedgerEntryInput {
  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => Int, { description: "The government's version as you read it." })
  version: number;

  @Field(() => Int)
  fiscalYear: number;
}

@InputType("RecordDuesPaymentInput", {
  description: "A payment as booked (Dues Reg. Art. 4-5): what arrived and what it was credited for.",
})
export class RecordDuesPaymentInput extends LedgerEntryInput {
  @Field(() => String, { description: "Amount received in minor units of `currency`, as a decimal string (won have none)." })
  amountMinor: string;

  @Field(() => String, { defaultValue: "KRW", description: "ISO 4217; dues are paid in KRW (Dues Reg. Art. 5(2))." })
  currency: string;

  @Field(() => Int, { description: "What the secretariat credits against the USD 1,000 due, in US cents." })
  creditedUsdCents: number;

  @Field(() => DateScalar)
  paidOn: IsoDate;

  @Field(() => String, { description: "The secretariat's booking reference; unique." })
  reference: string;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType("RecordDuesWaiverInput", { description: "A reduction or waiver of one fiscal year's dues (Dues Reg. Art. 5(3))." })
export class RecordDuesWaiverInput extends LedgerEntryInput {
  @Field(() => Int, { description: "US cents waived, 1 to 100000." })
  waivedUsdCents: number;

  @Field(() => String, { description: "Why it was granted." })
  reason: string;

  @Field(() => DateScalar)
  decidedOn: IsoDate;
}

@ObjectType("OpenDuesLedgerSuccess")
export class OpenDuesLedgerSuccess {
  @Field(() => AssociationType)
  association: AssociationType;

  @Field(() => [DuesLedgerEntry], { description: "The entries this write recorded or changed (taken-back ones are gone)." })
  entries: DuesLedgerEntry[];

  @Field(() => [Government], { description: "The members whose entries changed: ask for their duesStanding and votingRights." })
  governments: Government[];
}

@ObjectType("RecordDuesPaymentSuccess")
export class RecordDuesPaymentSuccess {
  @Field(() => DuesPayment)
  payment: DuesPayment;

  @Field(() => Government, { description: "Ask for its duesStanding and votingRights to see the payment's effect." })
  government: Government;
}

@ObjectType("RecordDuesWaiverSuccess")
export class RecordDuesWaiverSuccess {
  @Field(() => DuesWaiver)
  waiver: DuesWaiver;

  @Field(() => Government)
  government: Government;
}
