import { Arg, Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import { checkBudgetReviewComposition } from "../../charter";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { NotFoundError } from "../../core/errors";
import { DateScalar } from "../../core/scalars";
import { associationRecord } from "../association";
import { Government, governmentById, governmentBySlug } from "../government";
import { appointmentsByDispatchingGovernment, heldOn } from "../secretariat";
import { ReasonType } from "./governance.types";
import { reasonsOn } from "./governance.service";

@ObjectType("BudgetReviewCheck", { description: "Whether a proposed Budget Review Committee meets Dues Reg. Art. 8(1)." })
export class BudgetReviewCheckType {
  @Field(() => Boolean)
  valid: boolean;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

async function governmentsBySlugs(ctx: RequestContext, slugs: readonly string[], argumentName: string): Promise<Government[]> {
  const found = await ctx.loaders.get(governmentBySlug).loadMany(slugs);
  return found.map((government, index) => {
    if (!(government instanceof Government))
      throw new NotFoundError(`${argumentName}[${index}]: no government "${slugs[index]}"`, `${argumentName}[${index}]`);
    return government;
  });
}

@Resolver()
export class BudgetReviewResolver {
  @Query(() => BudgetReviewCheckType, {
    description:
      "Checks a proposed Budget Review Committee: one member per country, from governments dispatching officials on `asOf`, Korea's not the secretariat's host, none an auditor's.",
  })
  async budgetReviewCheck(
    @Arg("members", () => [String], { description: "Slugs of the governments the members come from." }) members: string[],
    @Arg("auditors", () => [String], { defaultValue: [], description: "Slugs of the auditors' governments (not yet recorded by the hub)." })
    auditors: string[],
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetReviewCheckType> {
    const day = asOf ?? ctx.today;
    const [candidates, auditorGovernments, association] = await Promise.all([
      governmentsBySlugs(ctx, members, "members"),
      governmentsBySlugs(ctx, auditors, "auditors"),
      ctx.loaders.get(associationRecord).load(1),
    ]);
    const host =
      association.secretariatHostGovernmentId === null
        ? null
        : await ctx.loaders.get(governmentById).load(association.secretariatHostGovernmentId);
    const dispatched = await ctx.loaders.get(appointmentsByDispatchingGovernment).loadMany(candidates.map((g) => g.id));
    const verdict = checkBudgetReviewComposition({
      members: candidates.map((g, index) => {
        const appointments = dispatched[index];
        return {
          government: g.slug,
          country: g.countryCode,
          dispatchesOfficial: Array.isArray(appointments) && appointments.some((a) => a.dispatchedOfficial && heldOn(a, day)),
        };
      }),
      secretariatHost: host?.slug ?? "",
      secretariatHostCountry: host?.countryCode ?? "",
      auditorGovernments: new Set(auditorGovernments.map((g) => g.slug)),
    });
    return Object.assign(new BudgetReviewCheckType(), {
      valid: verdict.valid,
      asOf: day,
      reasons: await reasonsOn(ctx, day, verdict.reasons),
    });
  }
}
