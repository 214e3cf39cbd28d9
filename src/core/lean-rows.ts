import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { DriverUtils } from "typeorm/driver/DriverUtils.js";
import { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver.js";
import { LRUCache } from "lru-cache";
import { rootOf } from "./scoped-source";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import type { LoaderFactory, LoaderRegistry } from "./loaders";
import type { FieldsAsked, Selection } from "./lookahead";
import type { Lang } from "./i18n";

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
  readonly resolvers: Record<string, ColumnNeed<T>>;
  /**
   * The child lists (`manyByColumn` loaders keyed by the type's primary key) each
   * field's resolver reads, and which of their columns, which a read of the type may
   * bring in its own statement when the field is selected (see `declareChildren`).
   */
  readonly children: Record<string, readonly ChildNeed[]>;
  /** Fields whose rows a page of the type can bring in its own statement (see `declareNested`). */
  readonly nested: Record<string, NestedRead<T>>;
}

/**
 * A field whose rows a read of its parent type can bring as one json value per parent
 * row: declared by the module that resolves the field, which knows its rows and the
 * loader its resolver reads them through.
 */
export interface NestedRead<T> {
  /** The value for parents aliased `parentAlias`, for the field's own selection. */
  plan(dataSource: DataSource, parentAlias: string, selection: Selection): NestedPlan<T>;
}

export interface NestedPlan<T> {
  /** One json value per parent row. */
  sql: string;
  /** Builds the field's rows from a parent's value and hands them to the loader its resolver reads. */
  prime(loaders: LoaderRegistry, parent: T, value: unknown): void;
}

/**
 * The columns a field resolver reads from its root: always the same, or as the
 * request asks (`FieldUse`; null when a read does not know the request: then every
 * column the field could read).
 */
type ColumnNeed<T> = readonly (keyof T & string)[] | ((use: FieldUse | null) => readonly (keyof T & string)[]);

/** What a column need that depends on the request is told: the request's language, and whether the field is given arguments. */
export interface FieldUse {
  readonly lang: Lang;
  readonly withArguments: boolean;
}

/** Declares fields whose rows a page of the type can bring along (`NestedRead`), beside the resolvers that read them. */
export function declareNested<T>(plan: ColumnPlan<T>, nested: Record<string, NestedRead<T>>): void {
  Object.assign(plan.nested, nested);
}

/**
 * The nested reads of the selected `fields` that have one (`selectionOf` tells each
 * one's own selection), none when lean reads are off: then each field reads its own.
 */
export function nestedFor<T>(
  dataSource: DataSource,
  plan: ColumnPlan<T>,
  parentAlias: string,
  fields: ReadonlySet<string>,
  selectionOf: (field: string) => Selection,
): NestedPlan<T>[] {
  if (!leanReadsEnabled) return [];
  const plans: NestedPlan<T>[] = [];
  for (const field of fields) {
    const nested = plan.nested[field];
    if (nested) plans.push(nested.plan(dataSource, parentAlias, selectionOf(field)));
  }
  return plans;
}

/** A loader of child rows by their parent's primary key, made by `manyByColumn`. */
// oxlint-disable-next-line typescript/no-explicit-any -- any key and row type: the plan only hands the loader back to prime it
export type ChildLoader = LoaderFactory<any, ObjectLiteral[]>;

/**
 * A child list a field's resolver reads, and the columns of its rows the field needs
 * for its own selection on them: a parent's read that brings the list brings only
 * the columns every selected field reading it needs (`childrenFor`).
 */
export interface ChildNeed {
  readonly loader: ChildLoader;
  /** The child rows' columns (entity property names) for the field's own selection `fields`; null: whole rows. */
  columns(dataSource: DataSource, fields: ReadonlySet<string>): readonly string[] | null;
}

/**
 * A field that hands `loader`'s rows to the operation (a list of memberships, say):
 * the columns `plan` gives for the field's selection on them, and the `reads` its
 * resolver uses itself (the dates it filters by, say).
 */
export function childRows<C extends ObjectLiteral>(
  loader: ChildLoader,
  entity: EntityTarget<C>,
  plan: ColumnPlan<C>,
  reads: readonly (keyof C & string)[] = [],
): ChildNeed {
  return {
    loader,
    columns(dataSource, fields) {
      const columns = columnsFor(dataSource, entity, plan, fields);
      return columns && [...new Set([...columns, ...reads])];
    },
  };
}

/** A field whose resolver reads `loader`'s rows whole. */
export function wholeChildRows(loader: ChildLoader): ChildNeed {
  return { loader, columns: () => null };
}

/**
 * Declares what another module's field resolvers on the same type read from their
 * root, beside the resolvers that read it: a module that adds fields to a type
 * says what they need where it adds them.
 */
export function declareColumns<T>(plan: ColumnPlan<T>, resolvers: Record<string, readonly (keyof T & string)[]>): void {
  Object.assign(plan.resolvers, resolvers);
}

/**
 * Declares which child lists a module's field resolvers on a type read (`ChildNeed`),
 * so a read of that type can bring them along for an operation that selects those
 * fields: one statement instead of one more per level.
 */
export function declareChildren<T>(plan: ColumnPlan<T>, children: Record<string, readonly ChildNeed[]>): void {
  Object.assign(plan.children, children);
}

/**
 * The child lists to bring for an operation's `selection` of a type read with `plan`,
 * `first` (lists the caller reads itself, with an empty selection) before the rest,
 * each list once with the columns every field reading it needs together (null: whole
 * rows). With lean reads off, `first` alone, whole: then every loader reads its own.
 */
export function childNeedsFor<T>(
  dataSource: DataSource,
  plan: ColumnPlan<T>,
  selection: Selection,
  first: readonly ChildNeed[] = [],
): Map<ChildLoader, readonly string[] | null> {
  const needs = new Map<ChildLoader, Set<string> | null>();
  const add = (need: ChildNeed, fields: ReadonlySet<string>) => {
    const columns = leanReadsEnabled ? need.columns(dataSource, fields) : null;
    const known = needs.get(need.loader);
    if (known === undefined || columns === null) needs.set(need.loader, columns && new Set(columns));
    else if (known !== null) for (const column of columns) known.add(column);
  };
  for (const need of first) add(need, NO_FIELDS);
  if (leanReadsEnabled) {
    for (const field of selection.at([]).fields) for (const need of plan.children[field] ?? []) add(need, selection.at([field]).fields);
  }
  return new Map([...needs].map(([loader, columns]) => [loader, columns && [...columns]]));
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/** Turned off by the equivalence tests, so every bench query also runs on whole entities. */
let leanReadsEnabled = true;

/** Whether reads select only the columns an operation needs (on by default); the tests compare both ways. */
export function setLeanReads(enabled: boolean): void {
  leanReadsEnabled = enabled;
}

/** Whether reads are lean now: what a read shape worked out once is kept under. */
export function leanReadsOn(): boolean {
  return leanReadsEnabled;
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
 * The columns (entity property names) `plan` needs to answer the fields `asked`
 * (with what the request asks of them; a bare set of names: the fields alone), or
 * null when some field is not declared, or lean reads are off: then a read takes
 * whole rows.
 */
export function columnsFor<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  plan: ColumnPlan<T>,
  asked: FieldsAsked | ReadonlySet<string>,
): string[] | null {
  if (!leanReadsEnabled) return null;
  const request = asked instanceof Set ? null : (asked as FieldsAsked);
  const fields = request ? request.fields : (asked as ReadonlySet<string>);
  const columns = columnNamesOf(dataSource, entity);
  // The primary key always: it identifies the row (node IDs, loaders) and tells a row from a LEFT JOIN's missing one.
  const needed = new Set<string>([...columns.primary, ...plan.always]);
  for (const field of fields) {
    if (field === "__typename") continue;
    const declared = plan.resolvers[field];
    if (declared) {
      const properties =
        typeof declared === "function"
          ? declared(request && { lang: request.lang, withArguments: request.withArguments.has(field) })
          : declared;
      for (const property of properties) needed.add(property);
    } else if (columns.all.has(field)) needed.add(field);
    else return null;
  }
  return [...needed];
}

type RawRow = Record<string, unknown>;

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

/** Builds entities of one alias from raw rows: the columns, their raw keys and value conversions, worked out once. */
class RowShape<T> {
  private readonly fields: { key: string; property: string; hydrate: (value: unknown) => unknown }[];

  constructor(
    dataSource: DataSource,
    private readonly create: () => T,
    alias: string,
    /** The primary key first. */
    readonly columns: readonly ColumnMetadata[],
  ) {
    this.fields = columns.map((column) => ({
      key: DriverUtils.buildAlias(dataSource.driver, undefined, alias, column.databaseName),
      property: column.propertyName,
      hydrate: hydratorOf(dataSource, column),
    }));
  }

  /** The entity of `raw`, or null when its first column (the primary key) is NULL, as a LEFT JOIN that found nothing gives. */
  read(raw: RawRow): T | null {
    if (raw[this.fields[0].key] === null || raw[this.fields[0].key] === undefined) return null;
    const entity = this.create() as Record<string, unknown>;
    for (const { key, property, hydrate } of this.fields) entity[property] = hydrate(raw[key]);
    return entity as T;
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
 * Runs `query` (made by `em`; main alias `alias`, joins already added) selecting only
 * `properties` of the main entity and each join's columns (`LeanJoin.properties`, or
 * its whole row), and builds the entities straight from the raw rows: no TypeORM
 * hydration, and no column the operation does not need. With `nested`, each row also
 * brings a field's rows, handed to `loaders` (`NestedRead`). The statement's text is
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
  }: { joins?: readonly LeanJoin<ObjectLiteral>[]; nested?: readonly NestedPlan<T>[]; loaders?: LoaderRegistry } = {},
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
  nested.forEach((plan, index) => query.addSelect(plan.sql, `nested_${index}`));
  if (nested.length > 0 && !loaders) throw new Error("Nested reads prime the request's loaders: pass them");
  const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(statementTextOf(query), query.getParameters());
  const raws: RawRow[] = await em.query(sql, parameters);
  return raws.map((raw) => {
    const row = main.read(raw) as Record<string, unknown>;
    for (const { property, shape } of joined) row[property] = shape.read(raw);
    nested.forEach((plan, index) => plan.prime(loaders!, row as T, raw[`nested_${index}`]));
    return row as T;
  });
}

/**
 * What makes a query builder's statement text, as one string: its entity and alias,
 * selections, joins, conditions, order and limit; the parameters' values are not in
 * the text (`:name` stays until `escapeQueryWithParameters`). Null for a query using
 * anything else (grouping, locks, brackets…): its text is built each time.
 *
 * It reads TypeORM's `expressionMap`, which TypeORM does not document: listed in
 * docs/internals.md, whose guard test fails when TypeORM adds a field to it.
 */
function textKeyOf(query: SelectQueryBuilder<ObjectLiteral>): string | null {
  const map = query.expressionMap;
  const plain =
    map.groupBys.length === 0 &&
    map.havings.length === 0 &&
    map.commonTableExpressions.length === 0 &&
    map.lockMode === undefined &&
    !map.selectDistinct &&
    map.selectDistinctOn.length === 0 &&
    map.offset === undefined &&
    map.skip === undefined &&
    map.take === undefined &&
    !map.withDeleted &&
    !map.subQuery &&
    !map.timeTravel &&
    map.maxExecutionTime === 0 &&
    map.extraAppendedAndWhereCondition === "" &&
    map.relationIdAttributes.length === 0 &&
    map.aliasNamePrefixingEnabled &&
    map.disableEscaping &&
    map.mainAlias?.hasMetadata === true;
  if (!plain) return null;
  const parts: unknown[] = [map.mainAlias!.metadata.name, map.mainAlias!.name, map.limit, map.comment];
  for (const select of map.selects) parts.push("s", select.selection, select.aliasName);
  for (const join of map.joinAttributes) {
    if (typeof join.condition !== "string" && join.condition !== undefined) return null;
    const target = join.alias.hasMetadata ? join.alias.metadata.name : String(join.entityOrProperty);
    parts.push("j", join.direction, target, join.alias.name, join.condition, join.mapToProperty, join.isMappingMany);
  }
  for (const where of map.wheres) {
    if (typeof where.condition !== "string") return null;
    parts.push("w", where.type, where.condition);
  }
  for (const [sql, order] of Object.entries(map.orderBys)) {
    parts.push("o", sql, typeof order === "string" ? order : `${order.order} ${order.nulls ?? ""}`);
  }
  return parts.join("\u0000");
}

/** At most this many statement texts per database: clients choose filters and orders, so the cache must stay bounded. */
const MAX_TEXTS = 500;
const texts = new WeakMap<DataSource, LRUCache<string, string>>();
/** Set by the api tests: every cached text is checked against the one TypeORM builds, so a missed part of the key fails loudly. */
let checkTexts = false;

/** Makes `statementTextOf` check every text it remembers against a fresh build (the tests turn it on). */
export function setStatementTextCheck(enabled: boolean): void {
  checkTexts = enabled;
}

/**
 * The query's statement text with its `:name` parameters, as `getQuery()` builds it,
 * remembered per database by what makes it (`textKeyOf`): a page asked again with
 * other values but the same filters, order and columns skips TypeORM's build.
 */
function statementTextOf(query: SelectQueryBuilder<ObjectLiteral>): string {
  const key = textKeyOf(query);
  if (key === null) return query.getQuery();
  const root = rootOf(query.connection);
  let byKey = texts.get(root);
  if (!byKey) texts.set(root, (byKey = new LRUCache({ max: MAX_TEXTS })));
  const known = byKey.get(key);
  if (known === undefined) {
    const text = query.getQuery();
    byKey.set(key, text);
    return text;
  }
  if (checkTexts && known !== query.getQuery()) {
    throw new Error(`A remembered statement text differs from TypeORM's for the same key: ${query.getQuery()}`);
  }
  return known;
}

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
}

/** A keyed read's entities, and with `children` each child list's rows for each entity (`children[list][row]`). */
export interface KeyedRows<T> {
  rows: T[];
  children: ObjectLiteral[][][];
}

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
  /** Where `readJson` finds the shape's columns and each child list in a `jsonFor` array, worked out at its first use. */
  private places: { columns: number[]; children: number[] } | null = null;

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
      const plan = new KeyedReadPlan(dataSource, child.entity, child.column, { order: child.order, columns: child.columns }, `${alias}x`);
      const name = `children_${index}`;
      this.values.push({ sql: plan.jsonFor(parentKey), name, asText: false });
      this.children.push({ name, plan });
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
    for (const raw of raws) {
      const row = this.shape.read(raw) as T;
      if (this.joined && this.read.join) (row as Record<string, unknown>)[this.read.join.property] = this.joined.read(raw);
      for (let index = 0; index < this.children.length; index++) {
        const child = this.children[index];
        children[index].push(child.plan.readJson(raw[child.name]).rows);
      }
      rows.push(row);
    }
    return { rows, children };
  }

  /** The entities (and child lists) of a `jsonFor` value (PGlite and pg both parse json; a driver handing text back is parsed here). */
  readJson(value: unknown): KeyedRows<T> {
    const items = ((typeof value === "string" ? JSON.parse(value) : value) ?? []) as unknown[][];
    // Called for every parent row of a nested read (each government's memberships, say): no closure or array a call beyond the answer's own.
    if (!this.places) {
      const names = this.values.map((value) => value.name);
      this.places = { columns: this.shape.positionsIn(names), children: this.children.map((child) => names.indexOf(child.name)) };
    }
    const { columns, children: childPlaces } = this.places;
    const rows: T[] = [];
    const children: ObjectLiteral[][][] = this.children.map(() => []);
    for (const item of items) {
      rows.push(this.shape.readAt(item, columns) as T);
      for (let index = 0; index < this.children.length; index++) {
        children[index].push(this.children[index].plan.readJson(item[childPlaces[index]]).rows);
      }
    }
    return { rows, children };
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
  dataSource: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
  read: KeyedRead<T>,
  alias: string,
): { sql: (parentKeySql: string) => string; read: (value: unknown) => KeyedRows<T> } {
  const plan = new KeyedReadPlan(rootOf(dataSource), entity, key, read, alias);
  const texts = new Map<string, string>();
  return {
    sql: (parentKeySql) => {
      let text = texts.get(parentKeySql);
      if (text === undefined) texts.set(parentKeySql, (text = plan.jsonFor(parentKeySql)));
      return text;
    },
    read: (value) => plan.readJson(value),
  };
}

/** `keyedRowsReader`'s entities alone, for a read without child lists. */
export function keyedReader<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  key: keyof T & string,
  read: KeyedRead<T> = {},
): (em: EntityManager, keys: readonly unknown[]) => Promise<T[]> {
  const reader = keyedRowsReader(entity, key, read);
  return async (em, keys) => (await reader(em, keys)).rows;
}
