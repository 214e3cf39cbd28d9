import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Reads } from "../../core/reads/read-plan";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { Country } from "../country";
import { Government } from "../government";
import { AlternativeName } from "./alternative-name.entity";
import { alternativeNamesOf } from "./names.loader";
import { SetNamesInput, SetNamesSuccess } from "./names.inputs";
import { setNames } from "./names.service";

const SetNamesResult = mutationResult("SetNames", SetNamesSuccess);

@Resolver(() => Government)
export class GovernmentNamesResolver {
  @Reads([])
  @FieldResolver(() => [AlternativeName], { description: "Other spellings sources use; the name search matches them too." })
  alternativeNames(@Root() government: Pick<Government, "id">, @Ctx() ctx: RequestContext): Promise<AlternativeName[]> {
    return ctx.loaders.get(alternativeNamesOf).load(`Government:${government.id}`);
  }
}

@Resolver(() => Country)
export class CountryNamesResolver {
  @Reads([])
  @FieldResolver(() => [AlternativeName], { description: "Other spellings sources use." })
  alternativeNames(@Root() country: Pick<Country, "code">, @Ctx() ctx: RequestContext): Promise<AlternativeName[]> {
    return ctx.loaders.get(alternativeNamesOf).load(`Country:${country.code}`);
  }
}

@Resolver()
export class NamesMutationResolver {
  @Authorized("SECRETARIAT")
  @Mutation(() => SetNamesResult, {
    description: "Sets names in any of the six languages, with a source; replaced names stay as alternatives.",
  })
  setNames(@Arg("input", () => SetNamesInput) input: SetNamesInput, @Ctx() ctx: RequestContext): Promise<typeof SetNamesResult> {
    return runMutation(ctx, "setNames", input, (uow) => setNames(uow, input));
  }
}
