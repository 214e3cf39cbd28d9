import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { AssociationType } from "../association";
import { Government, governmentBySlug } from "../government";
import { chairOf } from "./chair.service";
import { ChairType } from "./chair.types";
import { AsOf } from "../../core/as-of";

@Resolver(() => AssociationType)
export class AssociationChairResolver {
  @FieldResolver(() => ChairType, {
    description: "The chair on `asOf` (default today): the host of the next General Assembly, or a recorded extension.",
  })
  chair(@AsOf() asOf: IsoDate, @Ctx() ctx: RequestContext): Promise<ChairType> {
    return chairOf(ctx, asOf);
  }
}

@Resolver(() => ChairType)
export class ChairResolver {
  @FieldResolver(() => Government, { nullable: true })
  government(@Root() chair: ChairType, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    return chair.government === null ? null : ctx.loaders.get(governmentBySlug).load(chair.government);
  }
}
