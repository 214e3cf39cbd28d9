import type DataLoader from "dataloader";
import { In } from "typeorm";
import { createLoader, loaderById, manyByKey, oneByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { Country } from "../country";
import { Membership } from "../membership";
import { Government } from "./government.entity";

export const governmentById = loaderById(Government);

export function governmentBySlug({ em }: LoaderScope): DataLoader<string, Government | null> {
  return createLoader(async (slugs) => {
    const rows = await em.getRepository(Government).findBy({ slug: In([...slugs]) });
    return oneByKey(slugs, rows, (row) => row.slug);
  });
}

/** Governments by slug with their country joined in the same statement (`joinedCountry`), for a client that asks for both. */
export function governmentWithCountryBySlug({ em }: LoaderScope): DataLoader<string, Government | null> {
  return createLoader(async (slugs) => {
    const rows = await em
      .getRepository(Government)
      .createQueryBuilder("g")
      .leftJoinAndMapOne("g.joinedCountry", Country, "c", "c.code = g.country_code")
      .where("g.slug IN (:...slugs)", { slugs: [...slugs] })
      .getMany();
    return oneByKey(slugs, rows, (row) => row.slug);
  });
}

/** A government with every membership period of it, read in one statement. */
export interface GovernmentWithPeriods {
  government: Government;
  memberships: Membership[];
}

/**
 * Every government of each country with its membership periods aggregated into the
 * same statement (`json_agg`, one object per period built from the entity's own
 * column list, so a new column cannot be forgotten): the country's governments need
 * their periods to be filtered by day, so a second statement would always follow.
 */
export function governmentsWithPeriodsByCountry({ em }: LoaderScope): DataLoader<string, GovernmentWithPeriods[]> {
  const columns = em.connection.getMetadata(Membership).columns.map((c) => `'${c.propertyName}', m.${c.databaseName}`);
  return createLoader(async (codes) => {
    const { entities, raw } = await em
      .getRepository(Government)
      .createQueryBuilder("g")
      .addSelect(
        `(SELECT coalesce(json_agg(json_build_object(${columns.join(", ")}) ORDER BY m.seq), '[]'::json) FROM membership m WHERE m.government_id = g.id)`,
        "periods",
      )
      .where("g.country_code IN (:...codes)", { codes: [...codes] })
      .orderBy("g.slug", "ASC")
      .getRawAndEntities();
    const rows = entities.map((government, index) => ({
      government,
      memberships: ((raw[index] as { periods: object[] }).periods ?? []).map((period) => Object.assign(new Membership(), period)),
    }));
    return manyByKey(codes, rows, (row) => row.government.countryCode);
  });
}
