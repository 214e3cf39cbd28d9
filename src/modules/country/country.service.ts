import type { UnitOfWork } from "../../core/context";
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

export function listCountries({ em }: UnitOfWork, args: CountriesArgs): Promise<ConnectionValue<Country>> {
  const query = em.getRepository(Country).createQueryBuilder("c");
  if (args.filter?.region) query.andWhere("c.region = :region", { region: args.filter.region });
  return paginate(query, ORDERINGS[args.orderBy], args);
}
