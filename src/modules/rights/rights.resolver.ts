import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { Reads } from "../../core/reads/read-plan";
import type { RequestContext } from "../../core/context";
import { yearsInCalendar } from "../../core/inputs";
import type { IsoDate } from "../../core/dates";
import type { ConnectionValue } from "../../core/pagination";
import { AssociationType } from "../association";
import { DuesLedgerEntry, DuesPayment, duesLedgerEntriesByGovernment, duesPaymentsByGovernment } from "../dues";
import { Government, GovernmentConnection, governmentById } from "../government";
import {
  duesHistoryOf,
  duesOf,
  duesStandingOf,
  electionRightsOf,
  restrictedMembersOn,
  votingMembersOn,
  votingRightsOf,
} from "./rights.service";
import { DuesStandingType, FiscalYearDuesType, RestrictedMemberType, RightsVerdictType, VotingMembersArgs } from "./rights.types";
import { AsOf } from "../../core/as-of";

const asOfArg = { description: "The day to answer for; default today. Payments after it do not count." } as const;

@Resolver(() => Government)
export class GovernmentRightsResolver {
  @Reads([])
  @FieldResolver(() => RightsVerdictType, {
    description: "May it vote at the General Assembly and Working Committee (Charter Art. 9(1), 5-2; Dues Reg. Art. 6)?",
  })
  votingRights(
    @Root() government: Pick<Government, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<RightsVerdictType> {
    return votingRightsOf(ctx, government.id, asOf);
  }

  @Reads([])
  @FieldResolver(() => RightsVerdictType, { description: "May it elect, and stand for, chair and auditor (Charter Art. 7(1)-(3), 5-2)?" })
  electionRights(
    @Root() government: Pick<Government, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<RightsVerdictType> {
    return electionRightsOf(ctx, government.id, asOf);
  }

  @Reads([])
  @FieldResolver(() => FiscalYearDuesType, { description: "Its dues for one fiscal year (Dues Reg. Art. 5), as known on `asOf`." })
  dues(
    @Root() government: Pick<Government, "id">,
    @Arg("fiscalYear", () => Int) fiscalYear: number,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<FiscalYearDuesType> {
    yearsInCalendar(ctx.calendar, fiscalYear, fiscalYear, "fiscalYear", "fiscalYear");
    return duesOf(ctx, government.id, fiscalYear, asOf);
  }

  @Reads([])
  @FieldResolver(() => [FiscalYearDuesType], { description: "Every fiscal year assessed (or paid) from 2017 to the year of `asOf`." })
  duesHistory(
    @Root() government: Pick<Government, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<FiscalYearDuesType[]> {
    return duesHistoryOf(ctx, government.id, asOf);
  }

  @Reads([])
  @FieldResolver(() => DuesStandingType, {
    description: "Whether arrears restrict its rights on `asOf`, since when, and whether a payment restored them (Dues Reg. Art. 6).",
  })
  duesStanding(
    @Root() government: Pick<Government, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<DuesStandingType> {
    return duesStandingOf(ctx, government.id, asOf);
  }

  @Reads([])
  @FieldResolver(() => [DuesPayment], { description: "Its dues payments as booked, earliest first." })
  duesPayments(@Root() government: Pick<Government, "id">, @Ctx() ctx: RequestContext): Promise<DuesPayment[]> {
    return ctx.loaders.get(duesPaymentsByGovernment).load(government.id);
  }

  @Reads([])
  @FieldResolver(() => [DuesLedgerEntry], {
    description:
      "The fiscal years the secretariat's ledger records as PAID or UNPAID, earliest first. A year neither here nor paid is unknown.",
  })
  duesLedger(@Root() government: Pick<Government, "id">, @Ctx() ctx: RequestContext): Promise<DuesLedgerEntry[]> {
    return ctx.loaders.get(duesLedgerEntriesByGovernment).load(government.id);
  }
}

@Resolver(() => AssociationType)
export class AssociationRightsResolver {
  @FieldResolver(() => GovernmentConnection, {
    description: "Governments with voting rights on `asOf` (Charter Art. 9(1); Dues Reg. Art. 6), by slug.",
  })
  votingMembers(@Args(() => VotingMembersArgs) args: VotingMembersArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Government>> {
    return votingMembersOn(ctx, args.asOf ?? ctx.today, args);
  }

  @FieldResolver(() => [RestrictedMemberType], { description: "Members whose rights arrears restrict on `asOf`, by slug, with reasons." })
  restrictedMembers(@AsOf() asOf: IsoDate, @Ctx() ctx: RequestContext): Promise<RestrictedMemberType[]> {
    return restrictedMembersOn(ctx, asOf);
  }
}

@Resolver(() => RestrictedMemberType)
export class RestrictedMemberResolver {
  @FieldResolver(() => Government)
  government(@Root() row: RestrictedMemberType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(row.governmentId);
  }
}
