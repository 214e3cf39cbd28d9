import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

export interface TableReport {
  table: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (typeof a === "number" || typeof b === "number") return Number(a) === Number(b);
  return a === b;
}

/**
 * Inserts rows whose natural key is new and updates those whose values changed,
 * leaving every other row alone: running it twice changes nothing the second time.
 * Returns every row by natural key, with its database id.
 */
export async function upsertByKey<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
  keyOf: (row: Partial<T>) => string,
): Promise<{ byKey: Map<string, T>; report: TableReport }> {
  const repository = em.getRepository(entity);
  const existing = new Map((await repository.find()).map((row) => [keyOf(row), row]));
  const report: TableReport = { table: repository.metadata.tableName, inserted: 0, updated: 0, unchanged: 0 };
  const byKey = new Map<string, T>();
  const toInsert: Partial<T>[] = [];
  const seen = new Set<string>();

  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) throw new Error(`Seed rows for ${report.table} repeat the natural key ${key}`);
    seen.add(key);
    const current = existing.get(key);
    if (!current) {
      toInsert.push(row);
      continue;
    }
    const changed = Object.keys(row).filter((column) => !same(row[column], current[column]));
    if (changed.length > 0) {
      await repository.update(repository.getId(current), Object.fromEntries(changed.map((column) => [column, row[column]])) as never);
      Object.assign(current, row);
      report.updated++;
    } else {
      report.unchanged++;
    }
    byKey.set(key, current);
  }
  if (toInsert.length > 0) {
    const created = await repository.save(
      toInsert.map((row) => repository.create(row as T)),
      { chunk: 100 },
    );
    for (const row of created) byKey.set(keyOf(row), row);
    report.inserted = created.length;
  }
  return { byKey, report };
}
