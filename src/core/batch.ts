import DataLoader from "dataloader";

/**
 * A DataLoader that dispatches its batch on `setImmediate` rather than the next
 * microtask: sibling branches of a query that reach the same relation a few promise
 * hops apart (a post's holders and an appointment's predecessor, say) then share
 * one statement, so the count per query stays fixed whatever the rows.
 */
export function createLoader<K, V>(batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
  return new DataLoader(batch, { batchScheduleFn: (dispatch) => setImmediate(dispatch) });
}

/** Orders batch results by key, one value per key, `fallback` for a miss (DataLoader's contract). */
function byKey<K, R, V>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, group: (rows: R[]) => V, fallback: V): V[] {
  const grouped = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return keys.map((key) => {
    const list = grouped.get(key);
    return list ? group(list) : fallback;
  });
}

/** One row per key or null. */
export function oneByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  return byKey<K, R, R | null>(keys, rows, keyOf, (list) => list[0], null);
}

/** All rows per key, in the order the query returned them. */
export function manyByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  return byKey<K, R, R[]>(keys, rows, keyOf, (list) => list, []);
}
