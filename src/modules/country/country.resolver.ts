import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { SIX_NAME_COLUMNS } from "../../core/entity-columns";
import { columnsFor, nestedFor } from "../../core/reads/column-plan";
import type { ColumnPlan } from "../../core/reads/column-plan";
import { NODES, nodeFields, selectionOf } from "../../core/lookahead";
import { LanguageTagScalar, LocalizedName, namesOf, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { Country } from "./country.entity";
import { CountriesArgs } from "./country.args";
import { countryByCode } from "./country.loader";
import { listCountries } from "./country.service";
import { CountryConnection } from "./country.types";

/**
 * What a lean read of countries needs for the fields this resolver answers (see
 * `ColumnPlan`): the six names for `name`; the node `id` is made from the code, the key, which is
 * always read. Any other field reads whole rows.
 */
export const COUNTRY_COLUMNS: ColumnPlan<Country> = { always: [], resolvers: { name: SIX_NAME_COLUMNS, id: [] }, children: {}, nested: {} };

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
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Country>> {
    const fields = nodeFields(info);
    const columns = columnsFor(ctx.em.connection, Country, COUNTRY_COLUMNS, fields);
    // Nested rows only into a lean page: a page of whole entities goes through TypeORM's hydration.
    const nested = columns
      ? nestedFor(ctx.em.connection, COUNTRY_COLUMNS, "c", fields, (field) =>
          selectionOf(
            info,
            ctx.preferredLang,
            NODES.map((path) => [...path, field]),
          ),
        )
      : [];
    return listCountries(ctx, args, { columns, nested });
  }

  @FieldResolver(() => LocalizedName, { nullable: true })
  name(
    @Root() country: Country,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName(namesOf(country), lang ?? ctx.preferredLang);
  }
}
