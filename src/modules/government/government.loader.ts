import { LRUCache } from "lru-cache";
import type { EntityManager, ObjectLiteral } from "typeorm";
import { childListOf, childLoaderId, createLoader, loaderById, manyByKey, oneByColumn } from "../../core/loaders";
import type { LoaderFactory } from "../../core/loaders";
import { keyedRowsReader, nestedRowsReader } from "../../core/reads/keyed-rows";
import type { ChildLoader } from "../../core/reads/column-plan";
import type { KeyedRead, RelatedRows } from "../../core/reads/keyed-rows";
import { Country } from "../country";
import { Government } from "./government.entity";

export const governmentById = loaderById(Government);

export const governmentBySlug = oneByColumn(Government, "slug");

/** What a read of governments brings, as the operation's selection asks. */
export interface GovernmentReadShape {
  /** Only these columns (`columnsFor`); null: whole rows. */
  columns: readonly string[] | null;
  /** Each government's country joined into the same statement, whole (it primes the country loader). */
  withCountry: boolean;
  /** The child lists brought along (`childrenFor`), each then priming its loader. */
  children: readonly ChildLoader[];
}

/** A government, its rows of each child list its read's shape names, in that order, and the to-one rows its batch's children brought. */
export interface GovernmentRead {
  government: Government;
  children: ObjectLiteral[][];
  related: readonly RelatedRows[];
}

/** At most this many shapes keep a factory of their own: clients choose them, so the cache must stay bounded. */
const readFactories = new LRUCache<string, LoaderFactory<string, GovernmentRead[]>>({ max: 200 });

/**
 * Governments keyed by `key` (slug, or country code) in the read's shape: one
 * statement per batch with the country and the child lists the shape names, its
 * text built once per shape and database (`keyedRowsReader`). One factory per shape,
 * so each shape gets its own loader in a request.
 */
function governmentReads(key: "slug" | "countryCode", shape: GovernmentReadShape): LoaderFactory<string, GovernmentRead[]> {
  const cacheKey = shapeKey(key, shape);
  let factory = readFactories.get(cacheKey);
  if (!factory) {
    const reader = keyedRowsReader(Government, key, keyedRead(key, shape));
    factory = ({ em }) =>
      createLoader(async (keys) => {
        const { rows, children, related } = await reader(em, keys);
        return manyByKey(keys, readsOf(rows, children, related), (read) => read.government[key]);
      });
    readFactories.set(cacheKey, factory);
  }
  return factory;
}

function shapeKey(key: "slug" | "countryCode", shape: GovernmentReadShape): string {
  return [key, shape.columns?.join(",") ?? "*", shape.withCountry, shape.children.map(childLoaderId).join(",")].join("|");
}

function keyedRead(key: "slug" | "countryCode", shape: GovernmentReadShape): KeyedRead<Government> {
  return {
    // The key the rows are read by, whatever the operation selects.
    columns: shape.columns && [...new Set([...shape.columns, key])],
    // By slug the default collation, as the loaders before this one ordered: the order of a country's governments.
    order: key === "countryCode" ? [["slug", "ASC"]] : [],
    join: shape.withCountry ? { entity: Country, on: ["countryCode", "code"], property: "joinedCountry" } : undefined,
    children: shape.children.map(childListOf),
  };
}

function readsOf(rows: readonly Government[], children: readonly ObjectLiteral[][][], related: readonly RelatedRows[]): GovernmentRead[] {
  return rows.map((government, index) => ({ government, children: children.map((list) => list[index]), related }));
}

/**
 * A country's governments in the read's shape as one json value inside the
 * statement of a page of countries: `sql` for the page's country alias, `read` the
 * same reads `governmentReadsByCountry(shape)` gives for that country.
 */
export function nestedGovernmentsOfCountry(
  em: EntityManager,
  shape: GovernmentReadShape,
): { sql: (countryCodeSql: string) => string; read: (value: unknown) => GovernmentRead[] } {
  const nested = nestedRowsReader(em, Government, "countryCode", keyedRead("countryCode", shape), "g", shapeKey("countryCode", shape));
  return {
    sql: nested.sql,
    read: (value) => {
      const { rows, children, related } = nested.read(value);
      return readsOf(rows, children, related);
    },
  };
}

/** Governments by slug (none or one each) in the read's shape. */
export function governmentReadsBySlug(shape: GovernmentReadShape): LoaderFactory<string, GovernmentRead[]> {
  return governmentReads("slug", shape);
}

/** Every government of each country, by slug, in the read's shape. */
export function governmentReadsByCountry(shape: GovernmentReadShape): LoaderFactory<string, GovernmentRead[]> {
  return governmentReads("countryCode", shape);
}
