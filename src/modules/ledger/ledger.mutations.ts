import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import {
  OpenDuesLedgerInput,
  OpenDuesLedgerSuccess,
  RecordDuesPaymentInput,
  RecordDuesPaymentSuccess,
  RecordDuesWaiverInput,
  RecordDuesWaiverSuccess,
} from "./ledger.inputs";
import { openDuesLedger, recordDuesPayment, recordDuesWaiver } from "./ledger.writes";

const OpenDuesLedgerResult = mutationResult("OpenDuesLedger", OpenDuesLedgerSuccess);
const RecordDuesPaymentResult = mutationResult("RecordDuesPayment", RecordDuesPaymentSuccess);
const RecordDuesWaiverResult = mutationResult("RecordDuesWaiver", RecordDuesWaiverSuccess);

/** The dues ledger (Dues Regulation): its entries, payments and waivers. Rights follow from them (Art. 6). */
@Resolver()
export class LedgerMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => OpenDuesLedgerResult, {
    description:
      "Records what the secretariat's dues records show, member by member and fiscal year: PAID, UNPAID, or UNKNOWN to take an entry back. Only years recorded as unpaid can restrict rights (Dues Reg. Art. 6).",
  })
  openDuesLedger(
    @Arg("input", () => OpenDuesLedgerInput) input: OpenDuesLedgerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof OpenDuesLedgerResult> {
    return runMutation(ctx, "openDuesLedger", input, (uow) => openDuesLedger(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => RecordDuesPaymentResult, { description: "Books a dues payment; a duplicate reference is CONFLICT." })
  recordDuesPayment(
    @Arg("input", () => RecordDuesPaymentInput) input: RecordDuesPaymentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof RecordDuesPaymentResult> {
    return runMutation(ctx, "recordDuesPayment", input, (uow) => recordDuesPayment(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => RecordDuesWaiverResult, {
    description: "Records a reduction or waiver of one fiscal year's dues; one per government and year.",
  })
  recordDuesWaiver(
    @Arg("input", () => RecordDuesWaiverInput) input: RecordDuesWaiverInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof RecordDuesWaiverResult> {
    return runMutation(ctx, "recordDuesWaiver", input, (uow) => recordDuesWaiver(uow, input));
  }
}
