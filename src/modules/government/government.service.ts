import { ALL_NAME_PROPERTIES, nameCollations, nameOrderSql, nameOrderValue } from "../../core/collation";
import type { NameCollations } from "../../core/collation";
import type { UnitOfWork } from "../../core/context";
import { Lang } from "../../core/i18n";
import { countryCodes, nonEmptyList, searchText } from "../../core/filters";
import { coordinatorTermPeriod, heldSql, mayBeHeldSql, membershipPeriod, participationPeriod } from "../../core/sql";
import { likePattern, paginate, wholeEntities } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { WHOLE_READ } from "../../core/reads/column-plan";
import { leanMany } from "../../core/reads/lean-many";
import type { ReadPlan } from "../../core/reads/column-plan";
import { Country, knownCountries } from "../country";
import { FoundingStatus } from "../membership";
import { Government } from "./government.entity";
import { primeCountries } from "./government.reads";
import { GovernmentOrder, MembershipStatus } from "./government.args";
import type { GovernmentsArgs } from "./government.args";

/** A key of a page's order, and the columns its cursor value is read from (a lean page reads them whatever the operation selects). */
interface GovernmentKey {
  sql: string;
  value: (g: Government) => string | number;
  columns: readonly (keyof Government)[];
}

const bySlug: GovernmentKey = { sql: `g.slug COLLATE "C"`, value: (g) => g.slug, columns: ["slug"] };
// -1 sorts governments with no census figure below every real one.
const byPopulation: GovernmentKey = { sql: "COALESCE(g.population, -1)", value: (g) => g.population ?? -1, columns: ["population"] };

interface GovernmentOrdering extends Ordering<Government> {
  keys: readonly GovernmentKey[];
}

/** The order `orderBy` asks for; NAME by the name in `lang` as the `name` field shows it, in the database's collation for `lang`. */
function orderingOf(order: GovernmentOrder, lang: Lang, collations: NameCollations): GovernmentOrdering {
  const descending = order.endsWith("_DESC");
  if (order === GovernmentOrder.SLUG_ASC || order === GovernmentOrder.SLUG_DESC) return { name: "SLUG", descending, keys: [bySlug] };
  if (order === GovernmentOrder.POPULATION_ASC || order === GovernmentOrder.POPULATION_DESC) {
    return { name: "POPULATION", descending, keys: [byPopulation, bySlug] };
  }
  const byName: GovernmentKey = {
    sql: nameOrderSql("g", lang, collations[lang]),
    value: (g) => nameOrderValue(g, lang),
    columns: ALL_NAME_PROPERTIES,
  };
  // A cursor of one language's order is refused by another's.
  return { name: lang === Lang.EN ? "NAME" : `NAME_${lang}`, descending, keys: [byName, bySlug] };
}

/** SQL: membership row `m` is known to hold on `:asOf` (a filter matches what is known; stats count the unknown apart). */
const HELD_AS_OF = heldSql(membershipPeriod("m"), ":asOf");

/**
 * The government directory, read as `read` plans for the operation (`WHOLE_READ`:
 * whole rows, no country). Membership and committee conditions are EXISTS
 * sub-queries on those tables, so a page stays one statement however it is filtered;
 * a selected country is joined into it. NAME orders by the name in `nameLang`.
 */
export async function listGovernments(
  { em, today, loaders }: UnitOfWork,
  args: GovernmentsArgs,
  read: ReadPlan<Government> = WHOLE_READ,
  nameLang: Lang = args.lang ?? Lang.EN,
): Promise<ConnectionValue<Government>> {
  const filter = args.filter ?? {};
  const asOf = filter.asOf ?? today;
  const query = em.getRepository(Government).createQueryBuilder("g").setParameter("asOf", asOf);
  const ordering = orderingOf(args.orderBy, nameLang, await nameCollations(em));
  // The page's cursors are read from its ordering's keys.
  const columns = read.columns ? [...new Set([...read.columns, ...ordering.keys.flatMap((key) => key.columns)])] : null;
  const country = read.relation("country");
  const withCountry = country !== null;
  const countryColumns = columns ? (country?.columns ?? null) : null;
  // A country asked for nothing but its code is the government's own column, a foreign key to it: no join.
  const countryOfKey = countryColumns?.length === 1 && countryColumns[0] === "code";
  // Otherwise, when the client asks for each government's country, the page's statement brings it.
  if (withCountry && columns && !countryOfKey) query.leftJoin(Country, "c", "c.code = g.country_code");
  else if (withCountry && !columns) query.leftJoinAndMapOne("g.joinedCountry", Country, "c", "c.code = g.country_code");

  const countries = await knownCountries(em, countryCodes(filter.countries, "filter.countries"), "filter.countries");
  if (countries) query.andWhere("g.country_code IN (:...countries)", { countries });
  const kinds = nonEmptyList(filter.kinds, "filter.kinds");
  if (kinds) {
    query.andWhere(`EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id AND m.kind IN (:...kinds) AND ${HELD_AS_OF})`, {
      kinds,
    });
  }
  if (filter.status === MembershipStatus.CURRENT) {
    query.andWhere(`EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id AND ${HELD_AS_OF})`);
  } else if (filter.status === MembershipStatus.FORMER) {
    query.andWhere(
      `NOT EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id AND ${mayBeHeldSql(membershipPeriod("m"), ":asOf")})`,
    );
    query.andWhere("EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id AND m.ended_on < :asOf)");
  }
  if (filter.founding !== null && filter.founding !== undefined) {
    query.andWhere("EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id AND m.founding = :founding)", {
      founding: filter.founding ? FoundingStatus.FOUNDING : FoundingStatus.NOT_FOUNDING,
    });
  }
  if (filter.committee) {
    query.andWhere(
      `(EXISTS (SELECT 1 FROM coordinator_term m JOIN committee c ON c.id = m.committee_id
                 WHERE m.government_id = g.id AND c.slug = :committee AND ${heldSql(coordinatorTermPeriod("m", "c"), ":asOf")})
        OR EXISTS (SELECT 1 FROM committee_participation m JOIN committee c ON c.id = m.committee_id
                 WHERE m.government_id = g.id AND c.slug = :committee AND ${heldSql(participationPeriod("m", "c"), ":asOf")}))`,
      { committee: filter.committee },
    );
  }
  const text = searchText(filter.search, "filter.search");
  if (text !== null) {
    query.andWhere(
      `(g.name_en ILIKE :pattern OR g.name_zh ILIKE :pattern OR g.name_ko ILIKE :pattern
        OR g.name_ja ILIKE :pattern OR g.name_ru ILIKE :pattern OR g.name_mn ILIKE :pattern OR g.slug ILIKE :pattern
        OR EXISTS (SELECT 1 FROM alternative_name an
                    WHERE an.target_type = 'Government' AND an.target_key = g.id::text AND an.name ILIKE :pattern))`,
      { pattern: likePattern(text) },
    );
  }
  const joins =
    withCountry && !countryOfKey ? [{ entity: Country, alias: "c", property: "joinedCountry", properties: countryColumns }] : [];
  const lean =
    columns &&
    ((finished: typeof query, wholeList: boolean) =>
      leanMany(em, finished, Government, "g", columns, { joins, counted: read.counted && wholeList }));
  const page = await paginate(em, query, ordering, args, lean ?? wholeEntities);
  if (withCountry && countryOfKey) {
    for (const government of page.nodes) government.joinedCountry = Object.assign(new Country(), { code: government.countryCode });
  }
  // Whole countries serve the whole request; a country of a few columns serves only this page's `country` fields.
  if (withCountry && !countryColumns) primeCountries(loaders, page.nodes);
  return page;
}
