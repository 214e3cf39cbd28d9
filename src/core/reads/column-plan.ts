/**
 * Column plans: what a read needs of an entity's columns for the fields an operation
 * selects. Each field's needs are declared next to the field (`@Reads`, core/reads/reads.ts)
 * and collected here when the schema is built; nothing else writes a plan.
 */
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { LoaderFactory, LoaderRegistry } from "../loader-registry";
import type { FieldsAsked, Selection } from "../lookahead";
import type { Lang } from "../i18n";

/**
 * What a read needs of an entity's columns to answer the fields an operation selects.
 * A field named like a column needs that column; any other field needs what it
 * declares (`@Reads`). A field not declared makes the read take every column: an
 * undeclared need can never answer from a missing value.
 */
interface ColumnPlan<T> {
  /** The columns each declared field reads from its root; `[]` for none but the primary key. */
  readonly resolvers: Map<string, ColumnNeed<T>>;
  /**
   * The child lists (`manyByColumn` loaders keyed by the type's primary key) each
   * field reads, and which of their columns, which a read of the type may bring in its
   * own statement when the field is selected.
   */
  readonly children: Map<string, readonly ChildNeed[]>;
  /** Fields whose rows a page of the type can bring in its own statement. */
  readonly nested: Map<string, NestedRead<T>>;
  /** To-one fields whose row a child list of the type can bring along with each of its rows. */
  readonly related: Map<string, RelatedRead>;
}

/**
 * A to-one field of a child row (a coordinator term's government, say): the row the
 * child's foreign key `key` names, which a child list brought by its parent's read can
 * bring whole along with each child, handing it to `loader` (keyed by its primary key),
 * the loader the field reads it through. Whole, so that any field reading it answers.
 */
export interface RelatedRead {
  readonly entity: EntityTarget<ObjectLiteral>;
  readonly key: string;
  // oxlint-disable-next-line typescript/no-explicit-any -- any key and row type: the plan only hands the loader back to prime it
  readonly loader: LoaderFactory<any, ObjectLiteral | null>;
}

/**
 * A field whose rows a read of its parent type can bring as one json value per parent
 * row: declared on the field (`@Reads({ nested })`) by the module that resolves it,
 * which knows its rows and the loader its resolver reads them through.
 */
export interface NestedRead<T> {
  /** The value for parents aliased `parentAlias`, for the field's own read plan. */
  plan(em: EntityManager, parentAlias: string, read: ReadPlan<ObjectLiteral>): NestedPlan<T>;
}

interface NestedPlan<T> {
  /** One json value per parent row. */
  sql: string;
  /** Builds the field's rows from a parent's value and hands them to the loader its resolver reads. */
  prime(loaders: LoaderRegistry, parent: T, value: unknown): void;
}

/**
 * The columns a field reads from its root: always the same, or as the request asks
 * (`FieldUse`; null when a read does not know the request: then every column the
 * field could read).
 */
export type ColumnNeed<T> = readonly (keyof T & string)[] | ((use: FieldUse | null) => readonly (keyof T & string)[]);

/** What a column need that depends on the request is told: the request's language, and whether the field is given arguments. */
export interface FieldUse {
  readonly lang: Lang;
  readonly withArguments: boolean;
}

/**
 * What a read of an entity brings for the fields an operation selects on it: derived
 * from the operation in one place (`@ReadPlan()`, core/reads/read-plan.ts) and handed
 * to services unchanged; `WHOLE_READ` for a read that does not know an operation.
 */
export interface ReadPlan<T> {
  /** The columns (entity property names) the selected fields need; null: whole rows. */
  readonly columns: readonly string[] | null;
  /**
   * The child lists the selected fields read, each once with the columns they need
   * together: `first` (lists the service reads itself) before the rest.
   */
  children(first?: readonly ChildNeed[]): readonly ChildLoader[];
  /** The selected fields whose rows a page of T can bring in its own statement, with each field's own plan. */
  readonly nested: readonly { read: NestedRead<T>; plan: ReadPlan<ObjectLiteral> }[];
  /** The plan of the selected to-one relation `field`, or null when the operation does not select it. */
  relation(field: string): ReadPlan<ObjectLiteral> | null;
  /** The rows are a connection's page whose `totalCount` is asked for: the page's statement may bring it. */
  readonly counted: boolean;
}

/** The plan of a read that knows no operation: whole rows, the lists the service reads itself, no relation. */
export const WHOLE_READ: ReadPlan<never> = {
  columns: null,
  children: (first = []) => first.map((need) => need.loader),
  nested: [],
  relation: () => null,
  counted: false,
};

/** What one field reads, as `@Reads` declares it. */
export interface FieldNeeds<T> {
  readonly columns: ColumnNeed<T>;
  readonly children?: readonly ChildNeed[];
  readonly nested?: NestedRead<T>;
  readonly related?: RelatedRead;
}

const plans = new WeakMap<object, ColumnPlan<unknown>>();

function planOf<T>(entity: EntityTarget<T>): ColumnPlan<T> {
  let plan = plans.get(entity as object);
  if (!plan) plans.set(entity as object, (plan = { resolvers: new Map(), children: new Map(), nested: new Map(), related: new Map() }));
  return plan;
}

/** Records what `field` of `entity`'s type reads: called once per declared field when the schema is built. */
export function declareFieldNeeds<T>(entity: EntityTarget<T>, field: string, needs: FieldNeeds<T>): void {
  const plan = planOf(entity);
  plan.resolvers.set(field, needs.columns);
  if (needs.children) plan.children.set(field, needs.children);
  if (needs.nested) plan.nested.set(field, needs.nested);
  if (needs.related) plan.related.set(field, needs.related);
}

/** Whether `field` of `entity`'s type is a column or has declared what it reads. */
export function isDeclared(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, field: string): boolean {
  return planOf(entity).resolvers.has(field) || columnNamesOf(dataSource, entity).all.has(field);
}

/**
 * The nested reads of the selected `fields` of `entity`'s type that have one (each
 * field's own read plan from `planOf`), none when lean reads are off: then each field
 * reads its own.
 */
export function nestedFor<T>(
  entity: EntityTarget<T>,
  fields: ReadonlySet<string>,
  planOfField: (field: string) => ReadPlan<ObjectLiteral>,
): { read: NestedRead<T>; plan: ReadPlan<ObjectLiteral> }[] {
  if (!leanReadsEnabled) return [];
  const nested = planOf(entity).nested;
  const found: { read: NestedRead<T>; plan: ReadPlan<ObjectLiteral> }[] = [];
  for (const field of fields) {
    const read = nested.get(field);
    if (read) found.push({ read, plan: planOfField(field) });
  }
  return found;
}

/** A loader of child rows by their parent's primary key, made by `manyByColumn`. */
// oxlint-disable-next-line typescript/no-explicit-any -- any key and row type: the plan only hands the loader back to prime it
export type ChildLoader = LoaderFactory<any, ObjectLiteral[]>;

/**
 * A child list a field reads, and the columns of its rows the field needs for its own
 * selection on them: a parent's read that brings the list brings only the columns
 * every selected field reading it needs (`childNeedsFor`).
 */
export interface ChildNeed {
  readonly loader: ChildLoader;
  /** The child rows' entity, whose declared to-one fields (`RelatedRead`) the list may bring along; absent: none. */
  readonly entity?: EntityTarget<ObjectLiteral>;
  /** The child rows' columns (entity property names) for the field's own selection `fields`; null: whole rows. */
  columns(dataSource: DataSource, fields: ReadonlySet<string>): readonly string[] | null;
}

/**
 * A field that hands `loader`'s rows of `entity` to the operation (a list of
 * memberships, say): the columns the field's selection on them needs, and the `reads`
 * its resolver uses itself (the dates it filters by, say).
 */
export function childRows<C extends ObjectLiteral>(
  loader: ChildLoader,
  entity: EntityTarget<C>,
  reads: readonly (keyof C & string)[] = [],
): ChildNeed {
  return {
    loader,
    entity,
    columns(dataSource, fields) {
      const columns = columnsFor(dataSource, entity, fields);
      return columns && [...new Set([...columns, ...reads])];
    },
  };
}

/** A field whose resolver reads `loader`'s rows whole. */
export function wholeChildRows(loader: ChildLoader): ChildNeed {
  return { loader, columns: () => null };
}

/**
 * The child lists to bring for an operation's `selection` of `entity`'s type, `first`
 * (lists the caller reads itself, with an empty selection) before the rest, each list
 * once with the columns every field reading it needs together (null: whole rows).
 * With lean reads off, `first` alone, whole: then every loader reads its own.
 */
export function childNeedsFor<T>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  selection: Selection,
  first: readonly ChildNeed[] = [],
): Map<ChildLoader, { columns: readonly string[] | null; related: readonly RelatedRead[] }> {
  const needs = new Map<ChildLoader, Set<string> | null>();
  const related = new Map<ChildLoader, Set<RelatedRead>>();
  const add = (need: ChildNeed, fields: ReadonlySet<string>) => {
    const columns = leanReadsEnabled ? need.columns(dataSource, fields) : null;
    const known = needs.get(need.loader);
    if (known === undefined || columns === null) needs.set(need.loader, columns && new Set(columns));
    else if (known !== null) for (const column of columns) known.add(column);
    const declared = need.entity && leanReadsEnabled ? planOf(need.entity).related : null;
    const reads = related.get(need.loader) ?? new Set();
    for (const field of fields) {
      const read = declared?.get(field);
      if (read) reads.add(read);
    }
    related.set(need.loader, reads);
  };
  for (const need of first) add(need, NO_FIELDS);
  if (leanReadsEnabled) {
    const children = planOf(entity).children;
    for (const field of selection.at([]).fields) for (const need of children.get(field) ?? []) add(need, selection.at([field]).fields);
  }
  return new Map([...needs].map(([loader, columns]) => [loader, { columns: columns && [...columns], related: [...related.get(loader)!] }]));
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

const columnNames = new WeakMap<object, { all: ReadonlySet<string>; list: readonly string[]; primary: readonly string[] }>();

/** An entity's column property names, and its primary key's, worked out once. */
function columnNamesOf(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
): { all: ReadonlySet<string>; list: readonly string[]; primary: readonly string[] } {
  const metadata = dataSource.getMetadata(entity);
  let names = columnNames.get(metadata);
  if (!names) {
    names = {
      all: new Set(metadata.columns.map((column) => column.propertyName)),
      list: metadata.columns.map((column) => column.propertyName),
      primary: metadata.primaryColumns.map((column) => column.propertyName),
    };
    columnNames.set(metadata, names);
  }
  return names;
}

/** Every column (entity property names) of `entity`, worked out once. */
export function allColumnsOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): readonly string[] {
  return columnNamesOf(dataSource, entity).list;
}

/**
 * The columns (entity property names) of `entity` the fields `asked` need (with what
 * the request asks of them; a bare set of names: the fields alone), or null when some
 * field is neither a column nor declared, or lean reads are off: then a read takes
 * whole rows.
 */
export function columnsFor<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  asked: FieldsAsked | ReadonlySet<string>,
): string[] | null {
  if (!leanReadsEnabled) return null;
  const request = asked instanceof Set ? null : (asked as FieldsAsked);
  const fields = request ? request.fields : (asked as ReadonlySet<string>);
  const columns = columnNamesOf(dataSource, entity);
  const declared = planOf(entity).resolvers;
  // The primary key always: it identifies the row (node IDs, loaders) and tells a row from a LEFT JOIN's missing one.
  const needed = new Set<string>(columns.primary);
  for (const field of fields) {
    if (field === "__typename") continue;
    const need = declared.get(field);
    if (need) {
      const properties =
        typeof need === "function" ? need(request && { lang: request.lang, withArguments: request.withArguments.has(field) }) : need;
      for (const property of properties) needed.add(property);
    } else if (columns.all.has(field)) needed.add(field);
    else return null;
  }
  return [...needed];
}
