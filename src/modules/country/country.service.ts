import type { EntityManager } from "typeorm";
import type { UnitOfWork } from "../../core/context";
import { InputError } from "../../core/errors";
import { rootOf } from "../../core/scoped-source";
import { leanMany } from "../../core/reads/lean-many";
import { WHOLE_READ } from "../../core/reads/column-plan";
import type { ReadPlan } from "../../core/reads/column-plan";
import { paginate, wholeEntities } from "../../core/pagination";
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

/** A page of countries, read lean (with the rows of the nested fields selected) when `read` names its columns. */
export function listCountries(
  { em, loaders }: UnitOfWork,
  args: CountriesArgs,
  read: ReadPlan<Country> = WHOLE_READ,
): Promise<ConnectionValue<Country>> {
  const query = em.getRepository(Country).createQueryBuilder("c");
  if (args.filter?.region) query.andWhere("c.region = :region", { region: args.filter.region });
  // The name orderings' cursors read the English name.
  const columns = read.columns && [...new Set([...read.columns, "nameEn"])];
  const lean =
    columns &&
    ((finished: typeof query, wholeList: boolean) =>
      leanMany(em, finished, Country, "c", columns, { nested: read.nested, loaders, counted: read.counted && wholeList }));
  return paginate(em, query, ORDERINGS[args.orderBy], args, lean ?? wholeEntities);
}

/** The codes of the countries the hub knows, by database: countries are reference data, read once and again on a miss. */
const knownCodes = new WeakMap<object, Promise<ReadonlySet<string>>>();

/** Reads the codes of the countries the hub knows (at start, so a request's filter sends no statement for them). */
export function readCountryCodes(em: EntityManager): Promise<ReadonlySet<string>> {
  const reading = em
    .getRepository(Country)
    .find({ select: { code: true } })
    .then((rows) => new Set(rows.map((row) => row.code)));
  knownCodes.set(rootOf(em.connection), reading);
  return reading;
}

/**
 * `codes` (well-formed, from `countryCodes`) when each names a country the hub knows;
 * otherwise BAD_USER_INPUT naming the first that does not, rather than an empty answer
 * a partner page cannot tell from "none there".
 */
export async function knownCountries(em: EntityManager, codes: string[] | null, argumentName: string): Promise<string[] | null> {
  if (codes === null) return null;
  const database = rootOf(em.connection);
  let known = await (knownCodes.get(database) ?? Promise.resolve(null));
  if (known === null || codes.some((code) => !known!.has(code))) known = await readCountryCodes(em);
  const unknown = codes.find((code) => !known.has(code));
  if (unknown !== undefined) {
    throw new InputError(`${argumentName}: "${unknown}" is not a country of the graph (${[...known].sort().join(", ")})`, argumentName);
  }
  return codes;
}
