import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { Government, governmentById } from "../government";
import { assemblyCostSharesOf } from "./cost-shares.service";
import { AssemblyCostSharesType, MemberCostShareType } from "./cost-shares.types";

@Resolver(() => AssemblyCostSharesType)
export class CostSharesResolver {
  @Query(() => AssemblyCostSharesType, {
    description: "Splits a General Assembly's cost between host and members (Charter Art. 15(2)(ii)).",
  })
  assemblyCostShares(
    @Arg("meetingId", () => ID) meetingId: string,
    @Arg("total", () => String, { description: 'Decimal amount in `currency`, e.g. "150000000" (KRW).' }) total: string,
    @Arg("currency", () => String, { description: "ISO 4217, e.g. KRW." }) currency: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AssemblyCostSharesType> {
    return assemblyCostSharesOf(ctx, { meetingId, total, currency });
  }

  @FieldResolver(() => Government)
  host(@Root() shares: AssemblyCostSharesType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(shares.hostGovernmentId);
  }
}

@Resolver(() => MemberCostShareType)
export class MemberCostShareResolver {
  @FieldResolver(() => Government)
  government(@Root() share: MemberCostShareType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(share.governmentId);
  }
}
