/**
 * Child lists: rows keyed by their parent's primary key (`manyByColumn`), which a
 * parent's read may bring in its own statement with the columns the selected fields
 * need, handing them to the fields that read them (`withChildRows`).
 */
import { LRUCache } from "lru-cache";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { createLoader, manyByKey } from "../batch";
import type { LoaderFactory, LoaderRegistry } from "../loader-registry";
import type { Selection } from "../lookahead";
import { childNeedsFor } from "./column-plan";
import type { ChildLoader, ChildNeed, RelatedRead } from "./column-plan";
import { keyedReader } from "./keyed-rows";
import type { ChildList, KeyedRead, RelatedRows } from "./keyed-rows";

/**
 * The loader factory of the rows of `entity` whose `column` is the key, grouped per
 * key in `read.order`: one statement per batch, its text built once (`keyedReader`).
 */
export function manyByColumn<T extends ObjectLiteral, C extends keyof T & string>(
  entity: new () => T,
  column: C,
  read: KeyedRead<T> = {},
): LoaderFactory<NonNullable<T[C]>, T[]> {
  const reader = keyedReader(entity, column, read);
  const factory: LoaderFactory<NonNullable<T[C]>, T[]> = ({ em }) =>
    createLoader(async (keys) => manyByKey<T[C], T>(keys, await reader(em, keys), (row) => row[column]));
  // Rows selected by the key alone: what a parent's read can aggregate into its own statement instead.
  if (!read.where && !read.join && !read.children) {
    childLists.set(factory, { entity, column, order: read.order ?? [], columns: read.columns ?? null });
  }
  return factory;
}

const childLists = new WeakMap<ChildLoader, ChildList>();

/** What a parent's read brings for the child loader `factory` (one of `manyByColumn`'s, with no conditions). */
export function childListOf(factory: ChildLoader): ChildList {
  const list = childLists.get(factory);
  if (!list) throw new Error("Only a manyByColumn loader reading rows by its key alone can be brought along by its parent's read");
  return list;
}

/** The whole-row loader each loader of some columns (`childLoaderWith`) reads a part of. */
const wholeLoaders = new WeakMap<ChildLoader, ChildLoader>();
const childIds = new WeakMap<ChildLoader, number>();
let nextChildId = 0;

/** A number per child loader, for cache keys of reads that bring some. */
export function childLoaderId(loader: ChildLoader): number {
  let id = childIds.get(loader);
  if (id === undefined) childIds.set(loader, (id = nextChildId++));
  return id;
}

/** At most this many column sets keep a loader of their own: clients choose them, so the cache must stay bounded. */
const partialLoaders = new LRUCache<string, ChildLoader>({ max: 200 });

/** A number per to-one read, for cache keys of child lists that bring some. */
const relatedIds = new WeakMap<RelatedRead, number>();
function relatedId(read: RelatedRead): number {
  let id = relatedIds.get(read);
  if (id === undefined) relatedIds.set(read, (id = nextChildId++));
  return id;
}

/**
 * The loader of `whole`'s child rows with only `columns` (its key always; the caller
 * gives the primary key, as `columnsFor` does; null: whole rows), bringing each row's
 * `related` rows along, one per column set and relations: what a parent's read primes
 * when the fields selected need no more. `whole` itself for whole rows and no relation.
 */
function childLoaderWith(whole: ChildLoader, columns: readonly string[] | null, related: readonly RelatedRead[]): ChildLoader {
  if (columns === null && related.length === 0) return whole;
  const list = childListOf(whole);
  const wanted = columns && [...new Set([...columns, list.column])].sort();
  const relations = related.map(relatedId).sort((a, b) => a - b);
  const cacheKey = `${childLoaderId(whole)}|${wanted?.join(",") ?? "*"}|${relations.join(",")}`;
  let partial = partialLoaders.get(cacheKey);
  if (!partial) {
    partial = manyByColumn(list.entity as new () => ObjectLiteral, list.column, { order: list.order, columns: wanted });
    childLists.set(partial, { ...childListOf(partial), related });
    wholeLoaders.set(partial, whole);
    partialLoaders.set(cacheKey, partial);
  }
  return partial;
}

/**
 * The child loaders a read of a type brings for the operation's `selection`, with
 * the columns the selected fields need (`childNeedsFor`; `first`, the lists the caller
 * reads itself, first). A field reads its list through `broughtRows`, which finds
 * the rows its parent's read brought.
 */
export function childrenFor<T>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  selection: Selection,
  first: readonly ChildNeed[] = [],
): ChildLoader[] {
  return [...childNeedsFor(dataSource, entity, selection, first)].map(([whole, { columns, related }]) =>
    childLoaderWith(whole, columns, related),
  );
}

/** Where a parent row keeps the child lists its read brought (`primeChildren`, `broughtRows`). */
const BROUGHT = Symbol("child lists brought by the parent's read");

/** A parent's child lists: `children[list][index]` is its rows of the list read by `wholes[list]` (or some of its columns). */
interface Brought {
  readonly wholes: readonly ChildLoader[];
  readonly children: readonly (readonly ObjectLiteral[][])[];
  readonly index: number;
}

/**
 * Hands the child rows a parent's read brought (`children[list][parent]`, as
 * `KeyedRows.children` holds them) to the fields that read them: each parent row
 * keeps its lists (`broughtRows`), and whole rows also go to the loaders that read
 * them otherwise (other modules read those, the rights module a government's
 * periods, say), keyed by each parent's primary key. Those fields then send no
 * statement of their own.
 */
export function primeChildren<P extends object>(
  loaders: LoaderRegistry,
  factories: readonly ChildLoader[],
  parents: readonly P[],
  keyOf: (parent: P) => unknown,
  children: readonly (readonly ObjectLiteral[][])[],
): void {
  if (factories.length === 0) return;
  factories.forEach((factory, list) => {
    // A loader of some columns is only ever read through `broughtRows`; whole rows also go to the whole rows' loader.
    const whole = wholeLoaders.get(factory);
    if (whole && childListOf(factory).columns !== null) return;
    const loader = loaders.get(whole ?? factory);
    parents.forEach((parent, index) => loader.prime(keyOf(parent), children[list][index]));
  });
  const wholes = factories.map((factory) => wholeLoaders.get(factory) ?? factory);
  parents.forEach((parent, index) => {
    (parent as { [BROUGHT]?: Brought })[BROUGHT] = { wholes, children, index };
  });
}

/** Hands the to-one rows a read brought along (whole) to the loaders their fields read them through. */
export function primeRelated(loaders: LoaderRegistry, related: readonly RelatedRows[]): void {
  for (const { read, key, rows } of related) {
    if (rows.length === 0) continue;
    const loader = loaders.get(read.loader);
    for (const row of rows) loader.prime(row[key], row);
  }
}

/**
 * `parent`'s rows of `whole`'s list as its read brought them (with the columns
 * every field selected on it needs, the field asking among them), or undefined
 * when its read brought none: then the field loads them through `whole`. A value,
 * not a promise: a list of parents answers without a promise per row.
 */
function broughtRows<R extends ObjectLiteral>(parent: object, whole: LoaderFactory<unknown, R[]>): R[] | undefined {
  const brought = (parent as { [BROUGHT]?: Brought })[BROUGHT];
  if (!brought) return undefined;
  const list = brought.wholes.indexOf(whole as ChildLoader);
  return list < 0 ? undefined : (brought.children[list][brought.index] as R[]);
}

/**
 * `use` of `parent`'s rows of `whole`'s list: at once when its read brought them
 * (`broughtRows`), else once `whole` has loaded them by `key`. A field resolver's
 * way to read a child list; a value, not a promise, where the read brought it.
 */
export function withChildRows<K, R extends ObjectLiteral, T>(
  loaders: LoaderRegistry,
  parent: object,
  whole: LoaderFactory<K, R[]>,
  key: K,
  use: (rows: R[]) => T,
): T | Promise<T> {
  const brought = broughtRows(parent, whole as LoaderFactory<unknown, R[]>);
  return brought ? use(brought) : loaders.get(whole).load(key).then(use);
}
