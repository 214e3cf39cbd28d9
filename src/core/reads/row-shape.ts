/** Row shapes: entities built straight from raw rows, a shape per entity, alias and columns. */
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { DriverUtils } from "typeorm/driver/DriverUtils.js";
import { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver.js";
import { LRUCache } from "lru-cache";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import { rootOf } from "../scoped-source";

export type RawRow = Record<string, unknown>;

/**
 * The column types whose values TypeORM's PostgreSQL driver converts when it hydrates
 * an entity (`PostgresDriver.prepareHydratedValue`: booleans, dates and times, numbers
 * typed `Number`, enums, vectors, hstore, cubes, simple arrays and JSON). Any other
 * column's value is the entity's as `pg` read it, unless the column has a transformer.
 */
const CONVERTED_TYPES: ReadonlySet<unknown> = new Set<unknown>([
  Boolean,
  Date,
  Number,
  "datetime",
  "timestamp",
  "timestamptz",
  "timestamp with time zone",
  "timestamp without time zone",
  "date",
  "time",
  "vector",
  "halfvec",
  "hstore",
  "simple-array",
  "simple-json",
  "cube",
  "enum",
  "simple-enum",
]);

const AS_READ = (value: unknown) => value;

/**
 * How a column's raw value becomes the entity's, worked out once per shape: as read for
 * most columns, else through TypeORM's driver. Asking the driver for every value ran its
 * chain of type tests per value (a thousand values for the nested query). Only where the
 * driver is TypeORM's own PostgreSQL one, whose conversions `CONVERTED_TYPES` lists
 * (test/graphql/lean-reads.test.ts checks every column of every entity against it).
 */
export function hydratorOf(dataSource: DataSource, column: ColumnMetadata): (value: unknown) => unknown {
  const { driver } = dataSource;
  const typeormsOwn = driver.prepareHydratedValue === PostgresDriver.prototype.prepareHydratedValue;
  if (typeormsOwn && !column.transformer && !CONVERTED_TYPES.has(column.type)) return AS_READ;
  return (value) => driver.prepareHydratedValue(value, column);
}

/**
 * Under test (`NEAR_UNREAD_COLUMNS=throw`, which the test configuration sets), a row
 * built from some of its columns throws when code reads one it was not given: a field
 * whose `@Reads` leaves out a column it uses fails its tests, where it would answer
 * `undefined` in production. Whether a column was read is asked with `in`.
 */
const throwOnUnread = process.env["NEAR_UNREAD_COLUMNS"] === "throw";

function guardedRow<T extends object>(row: T, entityName: string, unread: ReadonlySet<string>): T {
  return new Proxy(row, {
    get(target, property, receiver) {
      if (typeof property === "string" && unread.has(property) && !(property in target)) {
        throw new Error(`${entityName}.${property} was not read: declare it in the @Reads of the field that uses it`);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** Builds entities of one alias from raw rows: the columns, their raw keys and value conversions, worked out once. */
export class RowShape<T> {
  private readonly fields: { key: string; property: string; hydrate: (value: unknown) => unknown }[];
  /** Under test: the entity's columns this shape leaves out (`guardedRow`). */
  private readonly unread: ReadonlySet<string> | null;

  constructor(
    dataSource: DataSource,
    private readonly create: () => T,
    alias: string,
    /** The primary key first. */
    readonly columns: readonly ColumnMetadata[],
    private readonly entity: { name: string; columns: readonly ColumnMetadata[] },
  ) {
    this.fields = columns.map((column) => ({
      key: DriverUtils.buildAlias(dataSource.driver, undefined, alias, column.databaseName),
      property: column.propertyName,
      hydrate: hydratorOf(dataSource, column),
    }));
    const left = entity.columns.filter((column) => !columns.includes(column)).map((column) => column.propertyName);
    this.unread = throwOnUnread && left.length > 0 ? new Set(left) : null;
  }

  private built(entity: Record<string, unknown>): T {
    return (this.unread ? guardedRow(entity, this.entity.name, this.unread) : entity) as T;
  }

  /** The entity of `raw`, or null when its first column (the primary key) is NULL, as a LEFT JOIN that found nothing gives. */
  read(raw: RawRow): T | null {
    if (raw[this.fields[0].key] === null || raw[this.fields[0].key] === undefined) return null;
    const entity = this.create() as Record<string, unknown>;
    for (const { key, property, hydrate } of this.fields) entity[property] = hydrate(raw[key]);
    return this.built(entity);
  }

  /** Where each of the shape's columns is among values named `names` (the names `read` reads by), for `readAt`. */
  positionsIn(names: readonly string[]): number[] {
    return this.fields.map(({ key }) => {
      const position = names.indexOf(key);
      if (position < 0) throw new Error(`No value named ${key} among ${names.join(", ")}`);
      return position;
    });
  }

  /** `read` for values in a row of their own order: each column at its place in `positions` (`positionsIn`). */
  readAt(values: readonly unknown[], positions: readonly number[]): T | null {
    if (values[positions[0]] === null || values[positions[0]] === undefined) return null;
    const entity = this.create() as Record<string, unknown>;
    const { fields } = this;
    for (let index = 0; index < fields.length; index++) entity[fields[index].property] = fields[index].hydrate(values[positions[index]]);
    return this.built(entity);
  }
}

/** At most this many shapes per data source: clients choose the field sets, so the cache must not grow with them. */
const MAX_SHAPES = 200;

const shapes = new WeakMap<DataSource, LRUCache<string, RowShape<unknown>>>();

/**
 * The reader of `alias`'s rows of `entity` with only `properties` (all columns when
 * null), the primary key first: one per shape and data source, reused by every request.
 */
export function shapeOf<T extends ObjectLiteral>(
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
    shape = new RowShape(dataSource, () => metadata.create() as T, alias, columns, metadata);
    byKey.set(cacheKey, shape);
  }
  return shape;
}
