import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { DriverUtils } from "typeorm/driver/DriverUtils.js";
import { LRUCache } from "lru-cache";
import { rootOf } from "./scoped-source";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";

/**
 * What a read needs of an entity's columns to answer the fields an operation selects.
 * A field named like a column needs that column; a field resolver needs what it
 * declares here. A field not declared (another module's resolver, say) makes the read
 * take every column: an undeclared need can never answer from a missing value.
 */
export interface ColumnPlan<T> {
  /** Read whatever is asked: cursors' keys and the columns relations are loaded by (the primary key always is). */
  readonly always: readonly (keyof T & string)[];
  /** The columns each field resolver of the type reads from its root; `[]` for none (see `declareColumns`). */
  readonly resolvers: Record<string, readonly (keyof T & string)[]>;
}

/**
 * Declares what another module's field resolvers on the same type read from their
 * root, beside the resolvers that read it: a module that adds fields to a type
 * says what they need where it adds them.
 */
export function declareColumns<T>(plan: ColumnPlan<T>, resolvers: Record<string, readonly (keyof T & string)[]>): void {
  Object.assign(plan.resolvers, resolvers);
}

/** Turned off by the equivalence tests, so every bench query also runs on whole entities. */
let leanReadsEnabled = true;

/** Whether reads select only the columns an operation needs (on by default); the tests compare both ways. */
export function setLeanReads(enabled: boolean): void {
  leanReadsEnabled = enabled;
}

const columnNames = new WeakMap<object, { all: ReadonlySet<string>; primary: readonly string[] }>();

/** An entity's column property names, and its primary key's, worked out once. */
function columnNamesOf(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
): { all: ReadonlySet<string>; primary: readonly string[] } {
  const metadata = dataSource.getMetadata(entity);
  let names = columnNames.get(metadata);
  if (!names) {
    names = {
      all: new Set(metadata.columns.map((column) => column.propertyName)),
      primary: metadata.primaryColumns.map((column) => column.propertyName),
    };
    columnNames.set(metadata, names);
  }
  return names;
}

/**
 * The columns (entity property names) `plan` needs to answer `fields`, or null when
 * some field is not declared, or lean reads are off: then a read takes whole rows.
 */
export function columnsFor<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  plan: ColumnPlan<T>,
  fields: ReadonlySet<string>,
): string[] | null {
  if (!leanReadsEnabled) return null;
  const columns = columnNamesOf(dataSource, entity);
  // The primary key always: it identifies the row (node IDs, loaders) and tells a row from a LEFT JOIN's missing one.
  const needed = new Set<string>([...columns.primary, ...plan.always]);
  for (const field of fields) {
    if (field === "__typename") continue;
    const declared = plan.resolvers[field];
    if (declared) for (const property of declared) needed.add(property);
    else if (columns.all.has(field)) needed.add(field);
    else return null;
  }
  return [...needed];
}

type RawRow = Record<string, unknown>;

/** Builds entities of one alias from raw rows: the columns, their raw keys and value conversions, worked out once. */
class RowShape<T> {
  private readonly fields: { key: string; property: string; column: ColumnMetadata }[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly create: () => T,
    alias: string,
    columns: readonly ColumnMetadata[],
  ) {
    this.fields = columns.map((column) => ({
      key: DriverUtils.buildAlias(dataSource.driver, undefined, alias, column.databaseName),
      property: column.propertyName,
      column,
    }));
  }

  /** The entity of `raw`, or null when its first column (the primary key) is NULL, as a LEFT JOIN that found nothing gives. */
  read(raw: RawRow): T | null {
    if (raw[this.fields[0].key] === null || raw[this.fields[0].key] === undefined) return null;
    const entity = this.create() as Record<string, unknown>;
    for (const { key, property, column } of this.fields) entity[property] = this.dataSource.driver.prepareHydratedValue(raw[key], column);
    return entity as T;
  }
}

/** At most this many shapes per data source: clients choose the field sets, so the cache must not grow with them. */
const MAX_SHAPES = 200;

const shapes = new WeakMap<DataSource, LRUCache<string, RowShape<unknown>>>();

/**
 * The reader of `alias`'s rows of `entity` with only `properties` (all columns when
 * null), the primary key first: one per shape and data source, reused by every request.
 */
function shapeOf<T extends ObjectLiteral>(
  source: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  properties: readonly string[] | null,
): RowShape<T> {
  // One cache per database: a request's scoped source reads the real one's.
  const dataSource = rootOf(source);
  const metadata = dataSource.getMetadata(entity);
  const cacheKey = `${metadata.name}\u0000${alias}\u0000${properties?.join(",") ?? "*"}`;
  let byKey = shapes.get(dataSource);
  if (!byKey) shapes.set(dataSource, (byKey = new LRUCache({ max: MAX_SHAPES })));
  let shape = byKey.get(cacheKey) as RowShape<T> | undefined;
  if (!shape) {
    const wanted = properties ? new Set(properties) : null;
    const columns = metadata.columns
      .filter((column) => !wanted || wanted.has(column.propertyName))
      .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
    shape = new RowShape(dataSource, () => metadata.create() as T, alias, columns);
    byKey.set(cacheKey, shape);
  }
  return shape;
}

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
 * Runs `query` (main alias `alias`, joins already added) selecting only `properties`
 * of the main entity, each join's columns (`LeanJoin.properties`, or its whole row),
 * and whatever `extra` adds (a sub-query, say), and builds the entities straight from
 * the raw rows: no TypeORM hydration, and no column the operation does not need. The
 * raw rows come back too, for what `extra` added.
 */
export async function leanRows<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  entity: EntityTarget<T>,
  alias: string,
  properties: readonly string[],
  options: { joins?: readonly LeanJoin<ObjectLiteral>[]; extra?: (query: SelectQueryBuilder<T>) => void } = {},
): Promise<{ rows: T[]; raws: Record<string, unknown>[] }> {
  const dataSource = query.connection;
  const main = shapeOf(dataSource, entity, alias, properties);
  query.select(properties.map((property) => `${alias}.${property}`));
  const joined = (options.joins ?? []).map((join) => {
    const properties = join.properties ?? null;
    if (properties) query.addSelect(properties.map((property) => `${join.alias}.${property}`));
    else query.addSelect(join.alias);
    return { property: join.property, shape: shapeOf(dataSource, join.entity, join.alias, properties) };
  });
  options.extra?.(query);
  const raws = await query.getRawMany<RawRow>();
  const rows = raws.map((raw) => {
    const row = main.read(raw) as Record<string, unknown>;
    for (const { property, shape } of joined) row[property] = shape.read(raw);
    return row as T;
  });
  return { rows, raws };
}

/** `leanRows`' entities alone. */
export async function leanMany<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  entity: EntityTarget<T>,
  alias: string,
  properties: readonly string[],
  joins: readonly LeanJoin<ObjectLiteral>[] = [],
): Promise<T[]> {
  return (await leanRows(query, entity, alias, properties, { joins })).rows;
}

/** One term of a keyed read's order: a property, its direction, and where NULLs go (PostgreSQL's default otherwise). */
type OrderTerm<T> = readonly [keyof T & string, "ASC" | "DESC", ("NULLS FIRST" | "NULLS LAST")?];

/**
 * Earliest start first, an undated start ("since before the records") before every
 * dated one, then by id: the order of every list of terms and appointments.
 */
export function byStart<T extends { startedOn: unknown; id: unknown }>(): readonly OrderTerm<T>[] {
  return [
    ["startedOn", "ASC", "NULLS FIRST"],
    ["id", "ASC"],
  ];
}

/** What a keyed read asks besides its key: equalities every row meets (constants), and the rows' order. */
export interface KeyedRead<T> {
  where?: Partial<Record<keyof T & string, string | number | boolean>>;
  order?: readonly OrderTerm<T>[];
}

/** A keyed read's statement and row reader, built once per database. */
interface PreparedRead<T> {
  sql: string;
  parameters: readonly unknown[];
  shape: RowShape<T>;
}

/**
 * Whole entities whose `key` is one of a batch's keys, read with one statement whose
 * text is built once per database (`= ANY($1)`: the same text whatever the batch)
 * and built into entities straight from the raw rows, as `leanRows` does: no query
 * builder and no TypeORM hydration per batch. What every DataLoader keyed by a
 * column reads (`manyByColumn`, `oneByColumn`).
 */
export function keyedReader<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  key: keyof T & string,
  read: KeyedRead<T> = {},
): (em: EntityManager, keys: readonly unknown[]) => Promise<T[]> {
  const prepared = new WeakMap<DataSource, PreparedRead<T>>();
  const prepare = (dataSource: DataSource): PreparedRead<T> => {
    const metadata = dataSource.getMetadata(entity);
    const { driver } = dataSource;
    const alias = "r";
    const column = (property: string) => {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`${metadata.name} has no column ${property}`);
      return `${alias}.${driver.escape(found.databaseName)}`;
    };
    const shape = shapeOf(dataSource, entity, alias, null);
    const selected = metadata.columns.map(
      (c) =>
        `${alias}.${driver.escape(c.databaseName)} AS ${driver.escape(DriverUtils.buildAlias(driver, undefined, alias, c.databaseName))}`,
    );
    const equalities = Object.entries(read.where ?? {});
    const conditions = [`${column(key)} = ANY($1)`, ...equalities.map(([property], index) => `${column(property)} = $${index + 2}`)];
    const order = (read.order ?? []).map(([property, direction, nulls]) => `${column(property)} ${direction}${nulls ? ` ${nulls}` : ""}`);
    const table = metadata.tablePath
      .split(".")
      .map((part) => driver.escape(part))
      .join(".");
    const sql = `SELECT ${selected.join(", ")} FROM ${table} ${alias} WHERE ${conditions.join(" AND ")}${order.length ? ` ORDER BY ${order.join(", ")}` : ""}`;
    return { sql, parameters: equalities.map(([, value]) => value), shape };
  };
  return async (em, keys) => {
    const root = rootOf(em.connection);
    let statement = prepared.get(root);
    if (!statement) prepared.set(root, (statement = prepare(root)));
    const raws: RawRow[] = await em.query(statement.sql, [[...keys], ...statement.parameters]);
    const rows: T[] = [];
    for (const raw of raws) rows.push(statement.shape.read(raw) as T);
    return rows;
  };
}
