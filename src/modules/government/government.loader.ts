import type DataLoader from "dataloader";
import { In } from "typeorm";
import { createLoader, loaderById, manyByKey, oneByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { Country } from "../country";
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

/** Every government of each country, by slug. */
export function governmentsByCountry({ em }: LoaderScope): DataLoader<string, Government[]> {
  return createLoader(async (codes) => {
    const rows = await em.getRepository(Government).find({ where: { countryCode: In([...codes]) }, order: { slug: "ASC" } });
    return manyByKey(codes, rows, (row) => row.countryCode);
  });
}
