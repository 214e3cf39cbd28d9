import type { UnitOfWork } from "../../core/context";
import { leanMany } from "../../core/lean-rows";
import { paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { Country } from "./country.entity";
import { CountryOrder } from "./country.args";
import type { CountriesArgs } from "./country.args";

const ORDERINGS: Record<CountryOrder, Ordering<Country>> = {
  [CountryOrder.CODE_ASC]: { name: "CODE", descending: false, keys: [{ sql: "c.code", value: (c) => c.code }] },
  [CountryOrder.CODE_DESC]: { name: "CODE", descending: true, keys: [{ sql: "c.code", value: (c) => c.code }] },
  [CountryOrder.NAME_ASC]: {
    name: "NAME",
    descending: false,
    keys: [
      { sql: `COALESCE(c.name_en, '') COLLATE "C"`, value: (c) => c.nameEn ?? "" },
      { sql: "c.code", value: (c) => c.code },
    ],
  },
  [CountryOrder.NAME_DESC]: {
    name: "NAME",
    descending: true,
    keys: [
      { sql: `COALESCE(c.name_en, '') COLLATE "C"`, value: (c) => c.nameEn ?? "" },
      { sql: "c.code", value: (c) => c.code },
    ],
  },
};

/** A page of countries: only `columns` (`columnsFor`) read lean, or whole entities when null. */
export function listCountries(
  { em }: UnitOfWork,
  args: CountriesArgs,
  columns: readonly string[] | null = null,
): Promise<ConnectionValue<Country>> {
  const query = em.getRepository(Country).createQueryBuilder("c");
  if (args.filter?.region) query.andWhere("c.region = :region", { region: args.filter.region });
  // The name orderings' cursors read the English name.
  const lean = columns && ((finished: typeof query) => leanMany(em, finished, Country, "c", [...new Set([...columns, "nameEn"])]));
  return paginate(query, ORDERINGS[args.orderBy], args, lean ?? undefined);
}
