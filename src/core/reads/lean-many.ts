/** A page's lean read: a query builder's statement with only the columns needed, rows built by their shape. */
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { LoaderRegistry } from "../loader-registry";
import { shapeOf } from "./row-shape";
import type { RawRow } from "./row-shape";
import { statementTextOf } from "./statement-text";
import { allColumnsOf, leanReadsOn } from "./column-plan";
import type { NestedRead, ReadPlan } from "./column-plan";

/** A joined one-to-one entity a lean read also builds from each row. */
export interface LeanJoin<J extends ObjectLiteral> {
  entity: EntityTarget<J>;
  alias: string;
  /** Where on the main entity the joined one goes. */
  property: string;
  /** Only these columns (`columnsFor`); null or absent: the whole row (which may prime a loader). */
  properties?: readonly string[] | null;
}

/**
 * Runs `query` (made by `em`; main alias `alias`, joins already added) selecting only
 * `properties` of the main entity and each join's columns (`LeanJoin.properties`, or
 * its whole row), and builds the entities straight from the raw rows: no TypeORM
 * hydration, and no column the operation does not need. With `nested`, each row also
 * brings a field's rows (planned for `alias`), handed to `loaders`. The statement's text is
 * built once per shape (`statementTextOf`).
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
    loaders,
  }: {
    joins?: readonly LeanJoin<ObjectLiteral>[];
    nested?: readonly { read: NestedRead<T>; plan: ReadPlan<ObjectLiteral> }[];
    loaders?: LoaderRegistry;
  } = {},
): Promise<T[]> {
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
  if (nested.length > 0 && !loaders) throw new Error("Nested reads prime the request's loaders: pass them");
  const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(statementTextOf(query), query.getParameters());
  const raws: RawRow[] = await em.query(sql, parameters);
  return raws.map((raw) => {
    const row = main.read(raw) as Record<string, unknown>;
    for (const { property, shape } of joined) row[property] = shape.read(raw);
    nestedPlans.forEach((plan, index) => plan.prime(loaders!, row as T, raw[`nested_${index}`]));
    return row as T;
  });
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
): (query: SelectQueryBuilder<T>) => Promise<T[]> {
  return (query) => (leanReadsOn() ? leanMany(em, query, entity, alias, allColumnsOf(query.connection, entity)) : query.getMany());
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
