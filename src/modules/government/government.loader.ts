import type DataLoader from "dataloader";
import { LRUCache } from "lru-cache";
import type { EntityManager } from "typeorm";
import { createLoader, loaderById, manyByKey, oneByColumn, oneByKey } from "../../core/loaders";
import type { LoaderFactory, LoaderScope } from "../../core/loaders";
import { leanRows } from "../../core/lean-rows";
import { Country } from "../country";
import { Membership } from "../membership";
import { Government } from "./government.entity";

export const governmentById = loaderById(Government);

export const governmentBySlug = oneByColumn(Government, "slug");

/** Governments by slug with their country joined in the same statement (`joinedCountry`), for a client that asks for both. */
export function governmentWithCountryBySlug({ em }: LoaderScope): DataLoader<string, Government | null> {
  return createLoader(async (slugs) => {
    const rows = await em
      .getRepository(Government)
      .createQueryBuilder("g")
      .leftJoinAndMapOne("g.joinedCountry", Country, "c", "c.code = g.country_code")
      .where("g.slug = ANY(:slugs)", { slugs: [...slugs] })
      .getMany();
    return oneByKey(slugs, rows, (row) => row.slug);
  });
}

/** A government with every membership period of it, read in one statement. */
export interface GovernmentWithPeriods {
  government: Government;
  memberships: Membership[];
}

/** At most this many column sets keep a factory of their own: clients choose them, so the cache must stay bounded. */
const withPeriodsFactories = new LRUCache<string, LoaderFactory<string, GovernmentWithPeriods[]>>({ max: 100 });

/**
 * Every government of each country with its membership periods aggregated into the
 * same statement (`json_agg`, one object per period built from the entity's own
 * column list, so a new column cannot be forgotten): the country's governments need
 * their periods to be filtered by day, so a second statement would always follow.
 * With `columns` (`columnsFor`) the governments carry only those, built from the raw
 * rows; the periods are always whole, since they prime the request's period loader.
 * One factory per column set, so each set gets its own loader in a request.
 */
export function governmentsWithPeriodsByCountry(columns: readonly string[] | null): LoaderFactory<string, GovernmentWithPeriods[]> {
  const key = columns?.join(",") ?? "*";
  let factory = withPeriodsFactories.get(key);
  if (!factory) {
    factory = ({ em }) => createLoader((codes) => loadWithPeriods(em, codes, columns));
    withPeriodsFactories.set(key, factory);
  }
  return factory;
}

async function loadWithPeriods(
  em: EntityManager,
  codes: readonly string[],
  columns: readonly string[] | null,
): Promise<GovernmentWithPeriods[][]> {
  const fields = em.connection.getMetadata(Membership).columns.map((c) => `'${c.propertyName}', m.${c.databaseName}`);
  const periodsSql = `(SELECT coalesce(json_agg(json_build_object(${fields.join(", ")}) ORDER BY m.seq), '[]'::json) FROM membership m WHERE m.government_id = g.id)`;
  const query = em
    .getRepository(Government)
    .createQueryBuilder("g")
    .where("g.country_code = ANY(:codes)", { codes: [...codes] })
    .orderBy("g.slug", "ASC");
  const { rows: governments, raws } = columns
    ? await leanRows(query, Government, "g", columns, { extra: (q) => q.addSelect(periodsSql, "periods") })
    : await query
        .addSelect(periodsSql, "periods")
        .getRawAndEntities()
        .then(({ entities, raw }) => ({ rows: entities, raws: raw as Record<string, unknown>[] }));
  const rows = governments.map((government, index) => ({
    government,
    memberships: ((raws[index] as { periods: object[] | null }).periods ?? []).map((period) => Object.assign(new Membership(), period)),
  }));
  return manyByKey(codes, rows, (row) => row.government.countryCode);
}
