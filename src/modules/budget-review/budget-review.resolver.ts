import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { checkBudgetReview } from "./budget-review.service";
import { BudgetReviewCheckType } from "./budget-review.types";
import { AsOf } from "../../core/as-of";

@Resolver()
export class BudgetReviewResolver {
  @Query(() => BudgetReviewCheckType, {
    description:
      "Checks a proposed Budget Review Committee: one member per country, from governments dispatching officials on `asOf`, Korea's not the secretariat's host, none an auditor's.",
  })
  budgetReviewCheck(
    @Arg("members", () => [String], { description: "Slugs of the governments the members come from." }) members: string[],
    @Arg("auditors", () => [String], { defaultValue: [], description: "Slugs of the auditors' governments (not yet recorded by the hub)." })
    auditors: string[],
    @AsOf() asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetReviewCheckType> {
    return checkBudgetReview(ctx, { members, auditors, asOf: asOf });
  }
}
