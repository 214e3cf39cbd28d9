import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { Government, governmentById } from "../government";
import { aboutOf, associationOf } from "./association.service";
import { About, AssociationType } from "./association.types";
import { MoveFactsHorizonInput, MoveFactsHorizonSuccess, moveFactsHorizon } from "./association.writes";

const MoveFactsHorizonResult = mutationResult("MoveFactsHorizon", MoveFactsHorizonSuccess);

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About)
  about(@Ctx() ctx: RequestContext): Promise<About> {
    return aboutOf(ctx);
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => MoveFactsHorizonResult, {
    description: "Moves the facts horizon forward (`about.factsCompleteUntil`); subscribers to factsHorizonMoved hear of it.",
  })
  moveFactsHorizon(
    @Arg("input", () => MoveFactsHorizonInput) input: MoveFactsHorizonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MoveFactsHorizonResult> {
    return runMutation(ctx, "moveFactsHorizon", input, (uow) => moveFactsHorizon(uow, input));
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
