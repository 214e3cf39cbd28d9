import { Field, Int, InputType, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { AssociationType } from "../association";
import { DuesPayment, DuesWaiver } from "../dues";
import { Government } from "../government";

@InputType("OpenDuesLedgerInput", { description: "From which fiscal year the secretariat's dues records are complete." })
export class OpenDuesLedgerInput {
  @Field(() => Int, {
    description: "First fiscal year the ledger covers: 2017 (the Dues Regulation's first) or later, not after this year.",
  })
  fromFiscalYear: number;

  @Field(() => Int, { description: "The association's version as you read it." })
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
