import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { NODES, nodeFields, selectionOf } from "../../core/lookahead";
import { columnsFor, declareColumns, declareNested } from "../../core/reads/column-plan";
import { childrenFor, withChildRows } from "../../core/loaders";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { LanguageTagScalar, LocalizedName, pickNameOf } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { COUNTRY_COLUMNS, Country, countryByCode } from "../country";
import { covers, membershipStandingOn } from "../../charter";
import {
  MEMBERSHIP_COLUMNS,
  Membership,
  MembershipKind,
  membershipOnDay,
  membershipPeriodOf,
  membershipsByGovernment,
} from "../membership";
import type { MembershipOnDay } from "../membership";
import { Government } from "./government.entity";
import { GovernmentsArgs } from "./government.args";
import { governmentById } from "./government.loader";
import { GOVERNMENT_COLUMNS } from "./government.columns";
import {
  GOVERNMENTS_OF_COUNTRY,
  countryGovernmentsShapeAt,
  governmentBySlugRead,
  governmentsOfCountryRead,
  listGovernments,
} from "./government.service";
import { GovernmentConnection } from "./government.types";
import { AsOf } from "../../core/as-of";

// A country's governments are found by its code (the primary key, always read), and a page of countries can bring them.
declareColumns(COUNTRY_COLUMNS, { governments: [] });
// A membership's government is read by its id.
declareColumns(MEMBERSHIP_COLUMNS, { government: ["governmentId"] });
declareNested(COUNTRY_COLUMNS, { governments: GOVERNMENTS_OF_COUNTRY });

@Resolver(() => Government)
export class GovernmentResolver {
  @Query(() => Government, { nullable: true, description: "A government by slug (e.g. kr-gyeongbuk); null if unknown." })
  government(
    @Arg("slug", () => String) slug: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Government | null> {
    const selection = selectionOf(info, ctx.preferredLang);
    const asked = selection.at([]);
    return governmentBySlugRead(ctx, slug, {
      columns: columnsFor(ctx.em.connection, Government, GOVERNMENT_COLUMNS, asked),
      withCountry: asked.fields.has("country"),
      children: childrenFor(ctx.em.connection, GOVERNMENT_COLUMNS, selection),
    });
  }

  @Query(() => GovernmentConnection, { description: "The directory of governments: members, associates, observers, former ones." })
  governments(
    @Args(() => GovernmentsArgs) args: GovernmentsArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Government>> {
    const asked = selectionOf(info, ctx.preferredLang, NODES).at([]);
    const countryFields = nodeFields(info, ["country"]);
    return listGovernments(ctx, args, {
      withCountry: asked.fields.has("country"),
      columns: columnsFor(ctx.em.connection, Government, GOVERNMENT_COLUMNS, asked),
      countryColumns: columnsFor(ctx.em.connection, Country, COUNTRY_COLUMNS, countryFields),
    });
  }

  @FieldResolver(() => LocalizedName, { nullable: true })
  name(
    @Root() government: Government,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null | Promise<LocalizedName | null> {
    // A lean page may bring the request's language alone (`nameColumns`): a row without a name in it loads the rest.
    return pickNameOf(government, lang ?? ctx.preferredLang, () => ctx.loaders.get(governmentById).load(government.id));
  }

  @FieldResolver(() => Country)
  country(@Root() government: Government, @Ctx() ctx: RequestContext): Country | Promise<Country | null> {
    // A page that joined the country (whole, or the columns this field's selection needs) brings it along,
    // answered as a value: no promise per row for graphql-js to wait on.
    return government.joinedCountry ?? ctx.loaders.get(countryByCode).load(government.countryCode);
  }

  @FieldResolver(() => [Membership], { description: "Every membership period, oldest first." })
  memberships(@Root() government: Government, @Ctx() ctx: RequestContext): Membership[] | Promise<Membership[]> {
    return withChildRows(ctx.loaders, government, membershipsByGovernment, government.id, (periods) => periods);
  }

  @FieldResolver(() => Membership, {
    nullable: true,
    description:
      "The membership held on `asOf` (default today), with its `certainty` that day: KNOWN, or UNKNOWN where the day lies inside a start the sources date only roughly or not at all. Null when none holds.",
  })
  membership(
    @Root() government: Government,
    @AsOf() asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): MembershipOnDay | null | Promise<MembershipOnDay | null> {
    return withChildRows(ctx.loaders, government, membershipsByGovernment, government.id, (rows) => {
      const { period, held } = membershipStandingOn(
        rows.map((row) => ({ ...membershipPeriodOf(row), row })),
        asOf,
      );
      return period === null ? null : membershipOnDay(period.row, held === "YES" ? "KNOWN" : "UNKNOWN");
    });
  }
}

@Resolver(() => Membership)
export class MembershipGovernmentResolver {
  @FieldResolver(() => Government)
  government(@Root() membership: Membership, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(membership.governmentId);
  }
}

@Resolver(() => Country)
export class CountryGovernmentsResolver {
  @FieldResolver(() => [Government], {
    description: "Governments of this country holding a membership of one of `kinds` (default: any) on `asOf` (default today), by slug.",
  })
  async governments(
    @Root() country: Country,
    @AsOf() asOf: IsoDate,
    @Arg("kinds", () => [MembershipKind], { nullable: true }) kinds: MembershipKind[] | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Government[]> {
    const shape = countryGovernmentsShapeAt(ctx.em.connection, info, ctx.preferredLang);
    const rows = await governmentsOfCountryRead(ctx, country.code, shape);
    return rows
      .filter(({ memberships }) => memberships.some((row) => covers(membershipPeriodOf(row), asOf) && (!kinds || kinds.includes(row.kind))))
      .map(({ government }) => government);
  }
}
