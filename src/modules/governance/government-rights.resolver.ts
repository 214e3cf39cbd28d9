import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { duesForYear, duesHistory, duesStanding, electionRights, votingRights } from "../../charter";
import type { FiscalYearDues, RightsVerdict } from "../../charter";
import type { RequestContext } from "../../core/context";
import { yearOf } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { DuesPayment, duesPaymentsByGovernment } from "../dues";
import { Government } from "../government";
import type { MembershipKind } from "../membership";
import { DuesStandingType, FiscalYearDuesType, RightsVerdictType } from "./governance.types";
import type { DuesStatus } from "./governance.types";
import { applyRule, charterRecordOf, reasonsOn } from "./governance.service";

const asOfArg = { nullable: true, description: "The day to answer for; default today. Payments after it do not count." } as const;

async function toVerdict(ctx: RequestContext, verdict: RightsVerdict, asOf: IsoDate): Promise<RightsVerdictType> {
  return Object.assign(new RightsVerdictType(), {
    eligible: verdict.eligible,
    asOf,
    membershipKind: verdict.membershipKind as MembershipKind | null,
    reasons: await reasonsOn(ctx, asOf, verdict.reasons),
  });
}

async function toDues(ctx: RequestContext, dues: FiscalYearDues, asOf: IsoDate): Promise<FiscalYearDuesType> {
  return Object.assign(new FiscalYearDuesType(), {
    ...dues,
    asOf,
    status: dues.status as DuesStatus,
    reasons: await reasonsOn(ctx, asOf, dues.reasons),
  });
}

@Resolver(() => Government)
export class GovernmentRightsResolver {
  @FieldResolver(() => RightsVerdictType, {
    description: "May it vote at the General Assembly and Working Committee (Charter Art. 9(1), 5-2; Dues Reg. Art. 6)?",
  })
  async votingRights(
    @Root() government: Government,
    @Arg("asOf", () => DateScalar, asOfArg) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RightsVerdictType> {
    const day = asOf ?? ctx.today;
    const { periods, ledger } = await charterRecordOf(ctx, government.id);
    return toVerdict(ctx, votingRights(periods, ledger, day), day);
  }

  @FieldResolver(() => RightsVerdictType, { description: "May it elect, and stand for, chair and auditor (Charter Art. 7(1)-(3), 5-2)?" })
  async electionRights(
    @Root() government: Government,
    @Arg("asOf", () => DateScalar, asOfArg) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RightsVerdictType> {
    const day = asOf ?? ctx.today;
    const { periods, ledger } = await charterRecordOf(ctx, government.id);
    return toVerdict(ctx, electionRights(periods, ledger, day), day);
  }

  @FieldResolver(() => FiscalYearDuesType, { description: "Its dues for one fiscal year (Dues Reg. Art. 5), as known on `asOf`." })
  async dues(
    @Root() government: Government,
    @Arg("fiscalYear", () => Int) fiscalYear: number,
    @Arg("asOf", () => DateScalar, asOfArg) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FiscalYearDuesType> {
    const day = asOf ?? ctx.today;
    const { periods, ledger } = await charterRecordOf(ctx, government.id);
    return toDues(
      ctx,
      applyRule(() => duesForYear(periods, ledger, fiscalYear, day)),
      day,
    );
  }

  @FieldResolver(() => [FiscalYearDuesType], { description: "Every fiscal year assessed (or paid) from 2017 to the year of `asOf`." })
  async duesHistory(
    @Root() government: Government,
    @Arg("asOf", () => DateScalar, asOfArg) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<FiscalYearDuesType[]> {
    const day = asOf ?? ctx.today;
    const { periods, ledger } = await charterRecordOf(ctx, government.id);
    return Promise.all(duesHistory(periods, ledger, yearOf(day), day).map((dues) => toDues(ctx, dues, day)));
  }

  @FieldResolver(() => DuesStandingType, {
    description: "Whether arrears restrict its rights on `asOf`, since when, and whether a payment restored them (Dues Reg. Art. 6).",
  })
  async duesStanding(
    @Root() government: Government,
    @Arg("asOf", () => DateScalar, asOfArg) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DuesStandingType> {
    const day = asOf ?? ctx.today;
    const { periods, ledger } = await charterRecordOf(ctx, government.id);
    const standing = duesStanding(periods, ledger, day);
    return Object.assign(new DuesStandingType(), { ...standing, asOf: day, reasons: await reasonsOn(ctx, day, standing.reasons) });
  }

  @FieldResolver(() => [DuesPayment], { description: "Its dues payments as booked, earliest first." })
  duesPayments(@Root() government: Government, @Ctx() ctx: RequestContext): Promise<DuesPayment[]> {
    return ctx.loaders.get(duesPaymentsByGovernment).load(government.id);
  }
}
