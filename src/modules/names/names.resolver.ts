import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { declareColumns } from "../../core/reads/column-plan";
import { mutationResult, runMutation } from "../access";
import { COUNTRY_COLUMNS, Country } from "../country";
import { GOVERNMENT_COLUMNS, Government } from "../government";
import { AlternativeName } from "./alternative-name.entity";
import { alternativeNamesOf } from "./names.loader";
import { SetNamesInput, SetNamesSuccess } from "./names.inputs";
import { setNames } from "./names.service";

const SetNamesResult = mutationResult("SetNames", SetNamesSuccess);

// Alternative names are looked up by the owner's primary key (always read): lean reads serve them.
declareColumns(GOVERNMENT_COLUMNS, { alternativeNames: [] });
declareColumns(COUNTRY_COLUMNS, { alternativeNames: [] });

@Resolver(() => Government)
export class GovernmentNamesResolver {
  @FieldResolver(() => [AlternativeName], { description: "Other spellings sources use; the name search matches them too." })
  alternativeNames(@Root() government: Government, @Ctx() ctx: RequestContext): Promise<AlternativeName[]> {
    return ctx.loaders.get(alternativeNamesOf).load(`Government:${government.id}`);
  }
}

@Resolver(() => Country)
export class CountryNamesResolver {
  @FieldResolver(() => [AlternativeName], { description: "Other spellings sources use." })
  alternativeNames(@Root() country: Country, @Ctx() ctx: RequestContext): Promise<AlternativeName[]> {
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
