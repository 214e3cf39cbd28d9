import { Ctx, FieldResolver, Int, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { AssociationType } from "../association";
import { firstRecordedFiscalYear } from "./ledger.service";

@Resolver(() => AssociationType)
export class AssociationLedgerResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    deprecationReason:
      "The ledger no longer has a coverage: each member's fiscal year is PAID, UNPAID or unknown (Government.duesLedger, duesHistory).",
    description:
      "The earliest fiscal year the dues ledger records anything of (an entry, a payment or a waiver); null while it records nothing.",
  })
  duesLedgerFrom(@Ctx() ctx: RequestContext): Promise<number | null> {
    return firstRecordedFiscalYear(ctx);
  }
}
