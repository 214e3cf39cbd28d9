import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { childRows } from "../../core/reads/column-plan";
import type { ReadPlan } from "../../core/reads/column-plan";
import { ReadPlanOf, Reads } from "../../core/reads/read-plan";
import { withChildRows } from "../../core/loaders";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { nameColumns } from "../../core/entity-columns";
import { LanguageTagScalar, LocalizedName, pickNameOf } from "../../core/i18n";
import type { Lang, NameRow } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { Country, countryByCode } from "../country";
import { covers, membershipStandingOn } from "../../charter";
import {
  MEMBERSHIP_PERIOD_COLUMNS,
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
import { GOVERNMENTS_OF_COUNTRY, governmentBySlugRead, governmentsOfCountryRead } from "./government.reads";
import { listGovernments } from "./government.service";
import { GovernmentConnection } from "./government.types";
import { AsOf } from "../../core/as-of";

@Resolver(() => Government)
export class GovernmentResolver {
  @Query(() => Government, { nullable: true, description: "A government by slug (e.g. kr-gyeongbuk); null if unknown." })
  government(
    @Arg("slug", () => String) slug: string,
    @Ctx() ctx: RequestContext,
    @ReadPlanOf() read: ReadPlan<Government>,
  ): Promise<Government | null> {
    return governmentBySlugRead(ctx, slug, read);
  }

  @Query(() => GovernmentConnection, { description: "The directory of governments: members, associates, observers, former ones." })
  governments(
    @Args(() => GovernmentsArgs) args: GovernmentsArgs,
    @Ctx() ctx: RequestContext,
    @ReadPlanOf() read: ReadPlan<Government>,
  ): Promise<ConnectionValue<Government>> {
    return listGovernments(ctx, args, read, args.lang ?? ctx.preferredLang);
  }

  @Reads(nameColumns)
  @FieldResolver(() => LocalizedName, { nullable: true })
  name(
    @Root() government: Pick<Government, "id"> & Partial<NameRow>,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null | Promise<LocalizedName | null> {
    // A lean page may bring the request's language alone (`nameColumns`): a row without a name in it loads the rest.
    return pickNameOf(government, lang ?? ctx.preferredLang, () => ctx.loaders.get(governmentById).load(government.id));
  }

  @Reads<Government>(["countryCode"])
  @FieldResolver(() => Country)
  country(
    @Root() government: Pick<Government, "countryCode" | "joinedCountry">,
    @Ctx() ctx: RequestContext,
  ): Country | Promise<Country | null> {
    // A page that joined the country (whole, or the columns this field's selection needs) brings it along,
    // answered as a value: no promise per row for graphql-js to wait on.
    return government.joinedCountry ?? ctx.loaders.get(countryByCode).load(government.countryCode);
  }

  @Reads<Government>({ columns: [], children: [childRows(membershipsByGovernment, Membership)] })
  @FieldResolver(() => [Membership], { description: "Every membership period, oldest first." })
  memberships(@Root() government: Pick<Government, "id">, @Ctx() ctx: RequestContext): Membership[] | Promise<Membership[]> {
    return withChildRows(ctx.loaders, government, membershipsByGovernment, government.id, (periods) => periods);
  }

  // `membershipStandingOn` picks the period by its dates, their precisions and attestation.
  @Reads<Government>({ columns: [], children: [childRows(membershipsByGovernment, Membership, MEMBERSHIP_PERIOD_COLUMNS)] })
  @FieldResolver(() => Membership, {
    nullable: true,
    description:
      "The membership held on `asOf` (default today), with its `certainty` that day: KNOWN, or UNKNOWN where the day lies inside a start the sources date only roughly or not at all. Null when none holds.",
  })
  membership(
    @Root() government: Pick<Government, "id">,
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
  @Reads<Membership>({ columns: ["governmentId"], related: { entity: Government, key: "governmentId", loader: governmentById } })
  @FieldResolver(() => Government)
  government(@Root() membership: Pick<Membership, "governmentId">, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(membership.governmentId);
  }
}

@Resolver(() => Country)
export class CountryGovernmentsResolver {
  // Found by the country's code, its primary key; a page of countries can bring them in its own statement.
  @Reads<Country>({ columns: [], nested: GOVERNMENTS_OF_COUNTRY })
  @FieldResolver(() => [Government], {
    description: "Governments of this country holding a membership of one of `kinds` (default: any) on `asOf` (default today), by slug.",
  })
  async governments(
    @Root() country: Pick<Country, "code">,
    @AsOf() asOf: IsoDate,
    @Arg("kinds", () => [MembershipKind], { nullable: true }) kinds: MembershipKind[] | null,
    @Ctx() ctx: RequestContext,
    @ReadPlanOf() read: ReadPlan<Government>,
  ): Promise<Government[]> {
    const rows = await governmentsOfCountryRead(ctx, country.code, read);
    return rows
      .filter(({ memberships }) => memberships.some((row) => covers(membershipPeriodOf(row), asOf) && (!kinds || kinds.includes(row.kind))))
      .map(({ government }) => government);
  }
}
