/** Keyed reads: the rows of a batch of keys in one statement, or nested in a parent's as json. */
import { LRUCache } from "lru-cache";
import { DriverUtils } from "typeorm/driver/DriverUtils.js";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { rootOf } from "../scoped-source";
import { shapeOf } from "./row-shape";
import type { RawRow, RowShape } from "./row-shape";
import type { RelatedRead } from "./column-plan";

/** One term of a keyed read's order: a property, its direction, and where NULLs go (PostgreSQL's default otherwise). */
type OrderTerm<T> = readonly [keyof T & string, "ASC" | "DESC", ("NULLS FIRST" | "NULLS LAST")?];

/**
 * Earliest start first, an undated start (its window begins at the founding) before every
 * dated one, then by id: the order of every list of terms and appointments.
 */
export function byStart<T extends { startedOn: unknown; id: unknown }>(): readonly OrderTerm<T>[] {
  return [
    ["startedOn", "ASC", "NULLS FIRST"],
    ["id", "ASC"],
  ];
}

/**
 * A list of child rows (those whose `column` holds their parent's primary key, in
 * `order`, whole or some columns) that a read of their parents can bring along in its
 * own statement, as one `json_agg` value per parent: what `manyByColumn` reads otherwise.
 */
export interface ChildList<C extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<C>;
  column: string;
  order: readonly OrderTerm<C>[];
  /** Only these columns (the primary key and `column` among them); null: whole rows. */
  columns: readonly string[] | null;
  /** To-one rows each child brings along whole (`RelatedRead`), for their loaders. */
  related?: readonly RelatedRead[];
}

/** What a keyed read asks besides its key. */
export interface KeyedRead<T> {
  /** Equalities every row meets (constants). */
  where?: Partial<Record<keyof T & string, string | number | boolean>>;
  /** The rows' order. */
  order?: readonly OrderTerm<T>[];
  /** Only these columns (as `columnsFor` gives them, the primary key among them); absent or null: whole rows. */
  columns?: readonly string[] | null;
  /** A one-to-one row joined where its `on[1]` equals the row's `on[0]`, read whole, set on `property` (null when none). */
  join?: { entity: EntityTarget<ObjectLiteral>; on: readonly [keyof T & string, string]; property: string };
  /** Lists of child rows brought in the same statement, one list per row and child list (`KeyedRows.children`). */
  children?: readonly ChildList[];
  /** To-one rows each row brings along whole, when nested in a parent's statement (`jsonFor`). */
  related?: readonly RelatedRead[];
}

/**
 * A keyed read's entities, with `children` each child list's rows for each entity
 * (`children[list][row]`), and the to-one rows its rows and their children brought
 * along, for the loaders they belong to (`primeRelated`).
 */
export interface KeyedRows<T> {
  rows: T[];
  children: ObjectLiteral[][][];
  related: RelatedRows[];
}

/** To-one rows a read brought along, whole, for `read.loader`, keyed by `key` (their primary key's property). */
export interface RelatedRows {
  read: RelatedRead;
  key: string;
  rows: ObjectLiteral[];
}

/** The to-one rows of a read that brings none: shared, never filled. */
const NO_RELATED: RelatedRows[] = [];

/** Column types whose JSON form differs from what the driver reads (a number where pg gives exact text): sent as text. */
const AS_TEXT_IN_JSON = new Set<unknown>(["bigint", "int8", "numeric", "decimal", "money"]);

/**
 * A keyed read worked out once per database: its selected values (each an SQL
 * expression and the name it comes back under), tables, conditions and order, and
 * the readers of its rows. Rendered as a statement of its own (`statement`), or as
 * one `json_agg` value inside a parent's statement (`jsonFor`), whose arrays hold the
 * same values in the same order: `readAll` and `readJson` build the same entities.
 */
class KeyedReadPlan<T extends ObjectLiteral> {
  private readonly values: { sql: string; name: string; asText: boolean }[] = [];
  private readonly from: string;
  private readonly key: string;
  private readonly order: readonly string[];
  private readonly equalities: readonly [string, unknown][];
  private readonly shape: RowShape<T>;
  private readonly joined: RowShape<ObjectLiteral> | null = null;
  private readonly children: { name: string; plan: KeyedReadPlan<ObjectLiteral> }[] = [];
  private readonly related: { name: string; read: RelatedRead; key: string; shape: RowShape<ObjectLiteral>; positions: number[] }[] = [];
  /** Where `readJson` finds the shape's columns, each child list and each to-one row in a `jsonFor` array, worked out at its first use. */
  private places: { columns: number[]; children: number[]; related: number[] } | null = null;
  /** Whether a row of this read brings to-one rows, itself or in a child list (`bringsRelated`), worked out at its first use. */
  private brings: boolean | undefined;

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<T>,
    key: keyof T & string,
    private readonly read: KeyedRead<T>,
    /** This read's table alias; a read nested in another's statement needs one of its own. */
    alias = "r",
  ) {
    const { driver } = dataSource;
    const metadata = dataSource.getMetadata(entity);
    if (metadata.primaryColumns.length !== 1 && read.children?.length) {
      throw new Error(`${metadata.name}: child lists need a parent with a one-column primary key`);
    }
    this.shape = shapeOf(dataSource, entity, alias, read.columns ?? null);
    this.addColumns(entity, this.shape, alias);
    this.from = `${this.tableOf(entity)} ${alias}`;
    if (read.join) {
      this.joined = shapeOf(dataSource, read.join.entity, "j", null);
      this.addColumns(read.join.entity, this.joined, "j");
      this.from += ` LEFT JOIN ${this.tableOf(read.join.entity)} j ON ${this.columnIn(read.join.entity, "j", read.join.on[1])} = ${this.columnIn(entity, alias, read.join.on[0])}`;
    }
    // A child list is the child's own keyed read (by its parent's key, whole rows, in its order) nested here as JSON.
    const parentKey = metadata.primaryColumns[0] ? `${alias}.${driver.escape(metadata.primaryColumns[0].databaseName)}` : "";
    (read.children ?? []).forEach((child, index) => {
      const childRead = { order: child.order, columns: child.columns, related: child.related ?? [] };
      const plan = new KeyedReadPlan(dataSource, child.entity, child.column, childRead, `${alias}x`);
      const name = `children_${index}`;
      this.values.push({ sql: plan.jsonFor(parentKey), name, asText: false });
      this.children.push({ name, plan });
    });
    // A to-one row is one json array of its whole row, its columns in its entity's order, as a child list's rows are.
    (read.related ?? []).forEach((related, index) => {
      const target = dataSource.getMetadata(related.entity);
      const relatedAlias = `${alias}r${index}`;
      const shape = shapeOf(dataSource, related.entity, relatedAlias, null);
      const columns = target.columns.filter((column) => shape.columns.includes(column));
      const names = columns.map((column) => DriverUtils.buildAlias(driver, undefined, relatedAlias, column.databaseName));
      const values = columns.map(
        (column) => `${relatedAlias}.${driver.escape(column.databaseName)}${AS_TEXT_IN_JSON.has(column.type) ? "::text" : ""}`,
      );
      const name = `related_${index}`;
      const primary = target.primaryColumns[0];
      this.values.push({
        sql: `(SELECT json_build_array(${values.join(", ")}) FROM ${this.tableOf(related.entity)} ${relatedAlias} WHERE ${relatedAlias}.${driver.escape(primary.databaseName)} = ${this.columnIn(entity, alias, related.key)})`,
        name,
        asText: false,
      });
      this.related.push({ name, read: related, key: primary.propertyName, shape, positions: shape.positionsIn(names) });
    });
    this.key = this.columnIn(entity, alias, key);
    this.equalities = Object.entries(read.where ?? {}).map(([property, value]) => [this.columnIn(entity, alias, property), value]);
    this.order = this.orderOf(entity, alias, read.order ?? []);
  }

  /** The statement of its own: the keys are `$1`, the equalities' values the parameters after it. */
  statement(): { sql: string; parameters: readonly unknown[] } {
    const quote = (name: string) => this.dataSource.driver.escape(name);
    const conditions = [`${this.key} = ANY($1)`, ...this.equalities.map(([column], index) => `${column} = $${index + 2}`)];
    const selected = this.values.map((value) => `${value.sql} AS ${quote(value.name)}`);
    const order = this.order.length ? ` ORDER BY ${this.order.join(", ")}` : "";
    return {
      sql: `SELECT ${selected.join(", ")} FROM ${this.from} WHERE ${conditions.join(" AND ")}${order}`,
      parameters: this.equalities.map(([, value]) => value),
    };
  }

  /** The rows whose key equals `parentKeySql` (a column of the statement this is nested in), as one json value. */
  jsonFor(parentKeySql: string): string {
    if (this.equalities.length > 0 || this.read.join)
      throw new Error("A read nested in another's statement takes neither conditions nor a join");
    // As text where JSON would change a value's type; `readJson` converts as for a column. An array,
    // not an object: the values in `values` order, without a name each (a third of the bytes to build,
    // send and parse; PostGraphile reads its child lists as arrays too).
    const values = this.values.map((value) => `${value.sql}${value.asText ? "::text" : ""}`);
    const order = this.order.length ? ` ORDER BY ${this.order.join(", ")}` : "";
    return `(SELECT coalesce(json_agg(json_build_array(${values.join(", ")})${order}), '[]'::json) FROM ${this.from} WHERE ${this.key} = ${parentKeySql})`;
  }

  /** The entities (and child lists) of a statement's rows. */
  readAll(raws: readonly RawRow[]): KeyedRows<T> {
    const rows: T[] = [];
    const children: ObjectLiteral[][][] = this.children.map(() => []);
    const related = this.relatedOut();
    for (const raw of raws) {
      const row = this.shape.read(raw) as T;
      if (this.joined && this.read.join) (row as Record<string, unknown>)[this.read.join.property] = this.joined.read(raw);
      for (let index = 0; index < this.children.length; index++) {
        const child = this.children[index];
        const read = child.plan.readJson(raw[child.name]);
        children[index].push(read.rows);
        if (read.related.length > 0) related.push(...read.related);
      }
      if (this.related.length > 0) this.readRelated(related, (place) => raw[this.related[place].name]);
      rows.push(row);
    }
    return { rows, children, related };
  }

  /** A list per to-one read of this plan, to fill; children's lists are added as they are read. None to fill (shared) when no row of this read brings any. */
  private relatedOut(): RelatedRows[] {
    return this.bringsRelated() ? this.related.map(({ read, key }) => ({ read, key, rows: [] })) : NO_RELATED;
  }

  /** Whether this read or a child list of it brings to-one rows: a read that does not skips their work for every row. */
  private bringsRelated(): boolean {
    return (this.brings ??= this.related.length > 0 || this.children.some((child) => child.plan.bringsRelated()));
  }

  /** Adds the to-one rows of one row (`valueAt(place)`: the json array of each) to `out`'s first lists. */
  private readRelated(out: RelatedRows[], valueAt: (place: number) => unknown): void {
    for (let index = 0; index < this.related.length; index++) {
      const raw = valueAt(index);
      const values = (typeof raw === "string" ? JSON.parse(raw) : raw) as unknown[] | null;
      const row = values && this.related[index].shape.readAt(values, this.related[index].positions);
      if (row) out[index].rows.push(row);
    }
  }

  /** The entities (and child lists) of a `jsonFor` value (PGlite and pg both parse json; a driver handing text back is parsed here). */
  readJson(value: unknown): KeyedRows<T> {
    const items = ((typeof value === "string" ? JSON.parse(value) : value) ?? []) as unknown[][];
    // Called for every parent row of a nested read (each government's memberships, say): no closure or array a call beyond the answer's own.
    if (!this.places) {
      const names = this.values.map((value) => value.name);
      this.places = {
        columns: this.shape.positionsIn(names),
        children: this.children.map((child) => names.indexOf(child.name)),
        related: this.related.map((related) => names.indexOf(related.name)),
      };
    }
    const { columns, children: childPlaces, related: relatedPlaces } = this.places;
    const rows: T[] = [];
    const children: ObjectLiteral[][][] = this.children.map(() => []);
    const related = this.relatedOut();
    for (const item of items) {
      rows.push(this.shape.readAt(item, columns) as T);
      for (let index = 0; index < this.children.length; index++) {
        const read = this.children[index].plan.readJson(item[childPlaces[index]]);
        children[index].push(read.rows);
        if (read.related.length > 0) related.push(...read.related);
      }
      if (relatedPlaces.length > 0) this.readRelated(related, (place) => item[relatedPlaces[place]]);
    }
    return { rows, children, related };
  }

  /** In the entity's own column order (the shape reads by name, in any order). */
  private addColumns(target: EntityTarget<ObjectLiteral>, shape: RowShape<unknown>, alias: string): void {
    const { driver } = this.dataSource;
    for (const column of this.dataSource.getMetadata(target).columns) {
      if (!shape.columns.includes(column)) continue;
      this.values.push({
        sql: `${alias}.${driver.escape(column.databaseName)}`,
        name: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName),
        asText: AS_TEXT_IN_JSON.has(column.type),
      });
    }
  }

  private tableOf(target: EntityTarget<ObjectLiteral>): string {
    return this.dataSource
      .getMetadata(target)
      .tablePath.split(".")
      .map((part) => this.dataSource.driver.escape(part))
      .join(".");
  }

  private columnIn(target: EntityTarget<ObjectLiteral>, alias: string, property: string): string {
    const metadata = this.dataSource.getMetadata(target);
    const found = metadata.findColumnWithPropertyName(property);
    if (!found) throw new Error(`${metadata.name} has no column ${property}`);
    return `${alias}.${this.dataSource.driver.escape(found.databaseName)}`;
  }

  private orderOf(target: EntityTarget<ObjectLiteral>, alias: string, terms: readonly OrderTerm<ObjectLiteral>[]): string[] {
    return terms.map(([property, direction, nulls]) => `${this.columnIn(target, alias, property)} ${direction}${nulls ? ` ${nulls}` : ""}`);
  }
}

/**
 * Entities whose `key` is one of a batch's keys, read with one statement whose text
 * is built once per database (`= ANY($1)`: the same text whatever the batch) and
 * built into entities straight from the raw rows, as `leanMany` does: no query
 * builder and no TypeORM hydration per batch. With `read.join` a one-to-one row
 * comes in the same statement, and with `read.children` lists of child rows (the
 * look-ahead of a parent whose children the operation selects). What every
 * DataLoader keyed by a column reads (`manyByColumn`, `oneByColumn`).
 */
export function keyedRowsReader<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  key: keyof T & string,
  read: KeyedRead<T> = {},
): (em: EntityManager, keys: readonly unknown[]) => Promise<KeyedRows<T>> {
  const prepared = new WeakMap<DataSource, { plan: KeyedReadPlan<T>; sql: string; parameters: readonly unknown[] }>();
  return async (em, keys) => {
    const root = rootOf(em.connection);
    let statement = prepared.get(root);
    if (!statement) {
      const plan = new KeyedReadPlan(root, entity, key, read);
      prepared.set(root, (statement = { plan, ...plan.statement() }));
    }
    const raws: RawRow[] = await em.query(statement.sql, [[...keys], ...statement.parameters]);
    return statement.plan.readAll(raws);
  };
}

/**
 * The same read nested in a parent's statement: `sql(parentKeySql)` is one json
 * value holding the rows whose `key` equals the parent's column, and `read` builds
 * them (and their child lists) as `keyedRowsReader` would from its own statement.
 * For a parent that brings a field's rows itself (`NestedRead`).
 */
export function nestedRowsReader<T extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<T>,
  key: keyof T & string,
  read: KeyedRead<T>,
  alias: string,
  /** What tells this read from others of `entity` by `key` (the caller's shape): a reader is made once per database and shape. */
  shapeKey: string,
): NestedRows<T> {
  const dataSource = rootOf(em.connection);
  let readers = nestedReaders.get(dataSource);
  if (!readers) nestedReaders.set(dataSource, (readers = new LRUCache({ max: 200 })));
  const cacheKey = `${dataSource.getMetadata(entity).name}\u0000${key}\u0000${alias}\u0000${shapeKey}`;
  let reader = readers.get(cacheKey) as NestedRows<T> | undefined;
  if (!reader) {
    const plan = new KeyedReadPlan(dataSource, entity, key, read, alias);
    const texts = new Map<string, string>();
    reader = {
      sql: (parentKeySql) => {
        let text = texts.get(parentKeySql);
        if (text === undefined) texts.set(parentKeySql, (text = plan.jsonFor(parentKeySql)));
        return text;
      },
      read: (value) => plan.readJson(value),
    };
    readers.set(cacheKey, reader);
  }
  return reader;
}

/** A keyed read as one json value per parent row: `sql` for the parent's key expression, `read` the rows back from the value. */
export interface NestedRows<T> {
  readonly sql: (parentKeySql: string) => string;
  readonly read: (value: unknown) => KeyedRows<T>;
}

/** Bounded: clients choose the shapes. */
const nestedReaders = new WeakMap<DataSource, LRUCache<string, NestedRows<ObjectLiteral>>>();

/** `keyedRowsReader`'s entities alone, for a read without child lists. */
export function keyedReader<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  key: keyof T & string,
  read: KeyedRead<T> = {},
): (em: EntityManager, keys: readonly unknown[]) => Promise<T[]> {
  const reader = keyedRowsReader(entity, key, read);
  return async (em, keys) => (await reader(em, keys)).rows;
}
