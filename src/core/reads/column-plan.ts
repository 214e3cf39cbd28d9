/**
 * Column plans: what a read needs of an entity's columns for the fields an operation
 * selects, declared by the modules that resolve the fields.
 */
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { LoaderFactory, LoaderRegistry } from "../loader-registry";
import type { FieldsAsked, Selection } from "../lookahead";
import type { Lang } from "../i18n";

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
