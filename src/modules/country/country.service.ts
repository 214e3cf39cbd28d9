import type { EntityManager } from "typeorm";
import { ALL_NAME_PROPERTIES, nameCollations, nameOrderSql, nameOrderValue } from "../../core/collation";
import type { NameCollations } from "../../core/collation";
import type { UnitOfWork } from "../../core/context";
import { Lang } from "../../core/i18n";
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

const byCode = { sql: "c.code", value: (c: Country) => c.code };

/** The order `orderBy` asks for; NAME by the name in `lang` as the `name` field shows it, in the database's collation for `lang`. */
function orderingOf(order: CountryOrder, lang: Lang, collations: NameCollations): Ordering<Country> {
  const descending = order === CountryOrder.CODE_DESC || order === CountryOrder.NAME_DESC;
  if (order === CountryOrder.CODE_ASC || order === CountryOrder.CODE_DESC) return { name: "CODE", descending, keys: [byCode] };
  const byName = { sql: nameOrderSql("c", lang, collations[lang]), value: (c: Country) => nameOrderValue(c, lang) };
  // A cursor of one language's order is refused by another's.
  return { name: lang === Lang.EN ? "NAME" : `NAME_${lang}`, descending, keys: [byName, byCode] };
}

/** A page of countries, read lean (with the rows of the nested fields selected) when `read` names its columns; NAME in `nameLang`. */
export async function listCountries(
  { em, loaders }: UnitOfWork,
  args: CountriesArgs,
  read: ReadPlan<Country> = WHOLE_READ,
  nameLang: Lang = args.lang ?? Lang.EN,
): Promise<ConnectionValue<Country>> {
  const query = em.getRepository(Country).createQueryBuilder("c");
  if (args.filter?.region) query.andWhere("c.region = :region", { region: args.filter.region });
  const ordering = orderingOf(args.orderBy, nameLang, await nameCollations(em));
  // A name ordering's cursors read the names.
  const byName = args.orderBy === CountryOrder.NAME_ASC || args.orderBy === CountryOrder.NAME_DESC;
  const columns = read.columns && [...new Set([...read.columns, ...(byName ? ALL_NAME_PROPERTIES : [])])];
  const lean =
    columns &&
    ((finished: typeof query, wholeList: boolean) =>
      leanMany(em, finished, Country, "c", columns, { nested: read.nested, loaders, counted: read.counted && wholeList }));
  return paginate(em, query, ordering, args, lean ?? wholeEntities);
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
