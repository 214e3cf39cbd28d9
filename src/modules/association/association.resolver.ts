import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { Government, governmentById } from "../government";
import { aboutOf, associationOf } from "./association.service";
import { About, AssociationType } from "./association.types";

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About)
  about(@Ctx() ctx: RequestContext): Promise<About> {
    return aboutOf(ctx);
  }
}

@Resolver(() => AssociationType)
export class AssociationResolver {
  @Query(() => AssociationType)
  association(@Ctx() ctx: RequestContext): Promise<AssociationType> {
    return associationOf(ctx);
  }

  @FieldResolver(() => Government, { nullable: true, description: "The member hosting the secretariat (Charter Art. 12)." })
  secretariatHost(@Root() association: AssociationType, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    const id = association.secretariatHostGovernmentId;
    return id === null ? null : ctx.loaders.get(governmentById).load(id);
  }
}
