import type { ObjectLiteral } from "typeorm";
import { createLoader, oneByKey } from "./batch";
import { keyedReader } from "./reads/keyed-rows";
import type { KeyedRead } from "./reads/keyed-rows";
import type { LoaderFactory } from "./loader-registry";

export { LoaderRegistry } from "./loader-registry";
export type { LoaderFactory, LoaderScope } from "./loader-registry";
export { createLoader, manyByKey, oneByKey } from "./batch";
export { childListOf, childLoaderId, childrenFor, manyByColumn, primeChildren, primeRelated, withChildRows } from "./reads/child-lists";

/** The loader factory of the one row of `entity` whose `column` is the key (the first in `read.order` when several share it), or null. */
export function oneByColumn<T extends ObjectLiteral, C extends keyof T & string>(
  entity: new () => T,
  column: C,
  read: KeyedRead<T> = {},
): LoaderFactory<NonNullable<T[C]>, T | null> {
  const reader = keyedReader(entity, column, read);
  return ({ em }) => createLoader(async (keys) => oneByKey<T[C], T>(keys, await reader(em, keys), (row) => row[column]));
}

/** The by-primary-key loader factory of an entity with an integer `id`. */
export function loaderById<T extends ObjectLiteral & { id: number }>(entity: new () => T): LoaderFactory<number, T | null> {
  return oneByColumn(entity, "id");
}

/** How many items a long computation handles before it gives the event loop back. */
const ITEMS_PER_TURN = 16;

/** Gives the event loop back: the requests and timers waiting run before the rest of a long computation. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * `items.filter(keep)`, giving the event loop back every few items: a request that
 * judges every member in Node does not hold up everyone else's (health checks included).
 */
export async function filterYielding<T>(items: readonly T[], keep: (item: T, index: number) => boolean): Promise<T[]> {
  const kept: T[] = [];
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % ITEMS_PER_TURN === 0) await nextTurn();
    if (keep(items[index], index)) kept.push(items[index]);
  }
  return kept;
}
