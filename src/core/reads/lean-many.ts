/** A page's lean read: a query builder's statement with only the columns needed, rows built by their shape. */
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { LoaderRegistry } from "../loader-registry";
import { childListOf, childLoaderId, primeChildren, primeRelated } from "./child-lists";
import { nestedRowsReader } from "./keyed-rows";
import { shapeOf } from "./row-shape";
import type { RawRow } from "./row-shape";
import { statementTextOf } from "./statement-text";
import { allColumnsOf, leanReadsOn } from "./column-plan";
import type { ChildLoader, NestedRead, ReadPlan } from "./column-plan";

/** A joined one-to-one entity a lean read also builds from each row. */
export interface LeanJoin<J extends ObjectLiteral> {
  entity: EntityTarget<J>;
  alias: string;
  /** Where on the main entity the joined one goes. */
  property: string;
  /** Only these columns (`columnsFor`); null or absent: the whole row (which may prime a loader). */
  properties?: readonly string[] | null;
}

/** A page's rows, and how many rows its query holds without the limit when its statement counted them (else null). */
export interface PageRows<T> {
  rows: T[];
  total: number | null;
}

/**
 * Runs `query` (made by `em`; main alias `alias`, joins already added) selecting only
 * `properties` of the main entity and each join's columns (`LeanJoin.properties`, or
 * its whole row), and builds the entities straight from the raw rows: no TypeORM
 * hydration, and no column the operation does not need. With `nested`, each row also
 * brings a field's rows (planned for `alias`), handed to `loaders`, and each of `children`
 * (the child lists the operation's fields read: `ReadPlan.children()`) its rows as one
 * json value, handed to the fields that read them (`primeChildren`). With `counted`, the
 * statement also counts the rows its conditions hold (a window count, before the
 * limit), so a page's `totalCount` sends no statement of its own. The statement's text
 * is built once per shape (`statementTextOf`).
 */
export async function leanMany<T extends ObjectLiteral>(
  em: EntityManager,
  query: SelectQueryBuilder<T>,
  entity: EntityTarget<T>,
  alias: string,
  properties: readonly string[],
  {
    joins = [],
    nested = [],
    children = [],
    loaders,
    counted = false,
  }: {
    joins?: readonly LeanJoin<ObjectLiteral>[];
    nested?: readonly { read: NestedRead<T>; plan: ReadPlan<ObjectLiteral> }[];
    children?: readonly ChildLoader[];
    loaders?: LoaderRegistry;
    counted?: boolean;
  } = {},
): Promise<PageRows<T>> {
  const dataSource = query.connection;
  const main = shapeOf(dataSource, entity, alias, properties);
  query.select(properties.map((property) => `${alias}.${property}`));
  const joined = joins.map((join) => {
    const properties = join.properties ?? null;
    if (properties) query.addSelect(properties.map((property) => `${join.alias}.${property}`));
    else query.addSelect(join.alias);
    return { property: join.property, shape: shapeOf(dataSource, join.entity, join.alias, properties) };
  });
  const nestedPlans = nested.map(({ read, plan }) => read.plan(em, alias, plan));
  nestedPlans.forEach((plan, index) => query.addSelect(plan.sql, `nested_${index}`));
  const { driver } = dataSource;
  const primary = dataSource.getMetadata(entity).primaryColumns[0];
  const childReads = children.map((loader, index) => {
    const list = childListOf(loader);
    const reader = nestedRowsReader(
      em,
      list.entity,
      list.column,
      { order: list.order, columns: list.columns, related: list.related ?? [] },
      `${alias}k${index}`,
      String(childLoaderId(loader)),
    );
    query.addSelect(reader.sql(`${driver.escape(alias)}.${driver.escape(primary.databaseName)}`), `children_${index}`);
    return reader;
  });
  if ((nested.length > 0 || children.length > 0) && !loaders) throw new Error("Nested reads prime the request's loaders: pass them");
  // Not beside nested reads or child lists: PostgreSQL would build every counted row's json values, not only the page's.
  const windowCount = counted && nested.length === 0 && children.length === 0;
  if (windowCount) query.addSelect("(count(*) OVER ())::int", "total_rows");
  const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(statementTextOf(query), query.getParameters());
  const raws: RawRow[] = await em.query(sql, parameters);
  const rows = raws.map((raw) => {
    const row = main.read(raw) as Record<string, unknown>;
    for (const { property, shape } of joined) row[property] = shape.read(raw);
    nestedPlans.forEach((plan, index) => plan.prime(loaders!, row as T, raw[`nested_${index}`]));
    return row as T;
  });
  if (childReads.length > 0) {
    const reads = childReads.map((reader, index) => raws.map((raw) => reader.read(raw[`children_${index}`])));
    const lists = reads.map((perRow) => perRow.map((read) => read.rows));
    primeChildren(loaders!, children, rows, (row) => (row as Record<string, unknown>)[primary.propertyName], lists);
    for (const perRow of reads) for (const read of perRow) primeRelated(loaders!, read.related);
  }
  return { rows, total: windowCount && raws.length > 0 ? Number(raws[0]["total_rows"]) : null };
}

/**
 * What a page reads when no column plan narrows it: every column of `entity` (alias
 * `alias`, no joins), its rows built as a lean read builds them, without TypeORM's
 * hydration; TypeORM's own `getMany` when lean reads are off, so the equivalence
 * tests compare the two.
 */
export function wholeRows<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  alias: string,
): (query: SelectQueryBuilder<T>) => Promise<PageRows<T>> {
  return (query) =>
    leanReadsOn()
      ? leanMany(em, query, entity, alias, allColumnsOf(query.connection, entity))
      : query.getMany().then((rows) => ({ rows, total: null }));
}

/**
 * How many rows `query` holds (its conditions; its joins are to-one, as a page's are),
 * with its statement text remembered as a page's is: a page's `totalCount` asked again
 * with other values skips TypeORM's text build. TypeORM's own `getCount` when lean
 * reads are off.
 */
export async function countRows(em: EntityManager, query: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  if (!leanReadsOn()) return query.getCount();
  query.select("count(*)::int", "count").orderBy();
  const [sql, parameters] = query.connection.driver.escapeQueryWithParameters(statementTextOf(query), query.getParameters());
  const rows: { count: number }[] = await em.query(sql, parameters);
  return rows[0]?.count ?? 0;
}
