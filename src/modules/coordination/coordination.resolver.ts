import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { COMMITTEE_LIFE_COLUMNS, Committee } from "../committee";
import type { CommitteeWithLife } from "../committee";
import { Reads } from "../../core/reads/read-plan";
import { Government, governmentBySlug } from "../government";
import { coordinationOf } from "./coordination.service";
import { CoordinationType, CoordinatorCurrentTermType } from "./coordination.types";
import { AsOf } from "../../core/as-of";

@Resolver(() => Committee)
export class CommitteeCoordinationResolver {
  @Reads<Committee>(COMMITTEE_LIFE_COLUMNS)
  @FieldResolver(() => CoordinationType, {
    description: "The coordinator(s) on `asOf` (default today) with their term, last activity and whether they may be replaced.",
  })
  coordinator(@Root() committee: CommitteeWithLife, @AsOf() asOf: IsoDate, @Ctx() ctx: RequestContext): Promise<CoordinationType> {
    return coordinationOf(ctx, committee, asOf);
  }
}

@Resolver(() => CoordinatorCurrentTermType)
export class CoordinatorCurrentTermResolver {
  @FieldResolver(() => Government, { nullable: true })
  government(@Root() term: CoordinatorCurrentTermType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentBySlug).load(term.government);
  }
}
