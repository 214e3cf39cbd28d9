import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { AssociationType } from "../association";
import { Government, governmentBySlug } from "../government";
import { chairOf } from "./chair.service";
import { ChairType } from "./chair.types";

@Resolver(() => AssociationType)
export class AssociationChairResolver {
  @FieldResolver(() => ChairType, {
    description: "The chair on `asOf` (default today): the host of the next General Assembly, or a recorded extension.",
  })
  chair(@Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null, @Ctx() ctx: RequestContext): Promise<ChairType> {
    return chairOf(ctx, asOf ?? ctx.today);
  }
}

@Resolver(() => ChairType)
export class ChairResolver {
  @FieldResolver(() => Government, { nullable: true })
  government(@Root() chair: ChairType, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    return chair.government === null ? null : ctx.loaders.get(governmentBySlug).load(chair.government);
  }
}
