import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { SIX_NAME_COLUMNS } from "../../core/entity-columns";
import type { ReadPlan } from "../../core/reads/column-plan";
import { ReadPlanOf, Reads } from "../../core/reads/read-plan";
import { LanguageTagScalar, LocalizedName, namesOf, pickName } from "../../core/i18n";
import type { Lang, NameRow } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { Country } from "./country.entity";
import { CountriesArgs } from "./country.args";
import { countryByCode } from "./country.loader";
import { listCountries } from "./country.service";
import { CountryConnection } from "./country.types";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "A country by ISO 3166-1 alpha-2 code; null if unknown." })
  country(@Arg("code", () => String) code: string, @Ctx() ctx: RequestContext): Promise<Country | null> {
    return ctx.loaders.get(countryByCode).load(code.trim().toUpperCase());
  }

  @Query(() => CountryConnection)
  countries(
    @Args(() => CountriesArgs) args: CountriesArgs,
    @Ctx() ctx: RequestContext,
    @ReadPlanOf() read: ReadPlan<Country>,
  ): Promise<ConnectionValue<Country>> {
    return listCountries(ctx, args, read, args.lang ?? ctx.preferredLang);
  }

  @Reads<Country>(SIX_NAME_COLUMNS)
  @FieldResolver(() => LocalizedName, { nullable: true })
  name(
    @Root() country: NameRow,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName(namesOf(country), lang ?? ctx.preferredLang);
  }
}
