import {
  GraphQLError,
  Kind,
  isEnumType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
} from "graphql";
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";
import type { Calendar } from "../charter";
import { yearOf } from "../charter";
import type { OperationLimits } from "../config";
import { ErrorCode } from "../core/errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../core/pagination";

/** The limit names clients see in `extensions.limit`, with the setting that changes each. */
export const LIMIT_SETTINGS = {
  cost: "MAX_COST",
  depth: "MAX_DEPTH",
  aliases: "MAX_ALIASES",
  directives: "MAX_DIRECTIVES",
  tokens: "MAX_TOKENS",
  documentBytes: "MAX_DOCUMENT_BYTES",
  repeatedFields: "MAX_REPEATED_FIELDS",
  responseBytes: "MAX_RESPONSE_BYTES",
  bodyBytes: "BODY_LIMIT_BYTES",
} as const;
export type LimitName = keyof typeof LIMIT_SETTINGS;

/** A refusal naming the limit, what the operation measured and the maximum. */
export function limitExceeded(limit: LimitName, measured: number, maximum: number): GraphQLError {
  return new GraphQLError(
    `The operation's ${limit} is ${measured}, over the limit of ${maximum} (${LIMIT_SETTINGS[limit]}). Ask for less: fewer or smaller pages, fewer aliases, less nesting.`,
    { extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit, measured, maximum, http: { status: 400 } } },
  );
}

/**
 * What each derived field costs beyond an ordinary object field (1): the charter's
 * computations load a government's whole record, or every member's. Priced by the
 * work they do, so a page of 100 `votingRights` costs what it takes.
 */
const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  "Government.votingRights": 20,
  "Government.electionRights": 20,
  "Government.dues": 20,
  "Government.duesHistory": 40,
  "Government.duesStanding": 20,
  "Association.votingMembers": 200,
  "Association.restrictedMembers": 200,
  "Association.chair": 20,
  "Committee.coordinator": 10,
  "Meeting.quorum": 20,
  "AgendaItem.tally": 20,
  "AgendaItem.outcome": 20,
  "Query.evaluateDecision": 200,
  "Query.assemblyCostShares": 200,
  "Query.budgetReviewCheck": 20,
  // The whole subgraph SDL: an answer as large as the schema.
  "_Service.sdl": 50,
};

/** `totalCount` runs its own COUNT statement. */
const TOTAL_COUNT_WEIGHT = 5;

/** What a list's size may depend on besides its arguments: the years asked for, and the schema. */
interface ListContext {
  /** Years the list covers: the `from`/`to` range of the field or the field above, else the calendar's. */
  years: number;
  schema: GraphQLSchema;
}

/**
 * Object lists that are not connections have no page size; their sizes follow from
 * the association itself (82 governments, 7 countries, 20 committees), so each is
 * priced at the most it can hold there; a list of years (its elements have `year` or
 * `fiscalYear`) at the years it covers; any other at UNPAGED_LIST_SIZE.
 */
const LIST_SIZES: Readonly<Record<string, number | ((context: ListContext) => number)>> = {
  "Country.governments": 25,
  "Government.memberships": 5,
  "Meeting.attendance": 82,
  "AgendaItem.votes": 82,
  "Association.restrictedMembers": 82,
  "AssemblyCostShares.members": 82,
  // A group per year and kind of event.
  "Stats.events": ({ years, schema }) => {
    const kinds = schema.getType("EventKind");
    return years * (isEnumType(kinds) ? kinds.getValues().length : UNPAGED_LIST_SIZE);
  },
  // Introspection: the schema's own sizes (about 110 types, at most some 30 fields each).
  "__Schema.types": 120,
  "__Schema.directives": 10,
  "__Type.fields": 30,
  "__Type.inputFields": 30,
  "__Type.enumValues": 30,
  "__Type.interfaces": 3,
  "__Type.possibleTypes": 10,
  "__Field.args": 5,
  "__Directive.args": 5,
};
const UNPAGED_LIST_SIZE = 10;

export interface OperationMeasure {
  cost: number;
  depth: number;
  aliases: number;
  directives: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  /** The request's variables, and the defaults of those it did not send: an operation is priced as it will run. */
  variables: Readonly<Record<string, unknown>>;
  /** The calendar's years (charter/calendar.ts): no range reaches past them. */
  calendar: { first: number; last: number };
  /** Per fragment and years in effect: its measure is additive, so a fragment spread many times is walked once. */
  memo: Map<string, OperationMeasure>;
}

/** An argument's value as the resolver will get it: written (a variable resolved), else the schema's default. */
function argumentValue(field: FieldNode, definition: GraphQLField<unknown, unknown>, name: string, walk: Walk): unknown {
  const written = field.arguments?.find((a) => a.name.value === name);
  if (written) return valueFromASTUntyped(written.value, walk.variables);
  return definition.args.find((a) => a.name === name)?.defaultValue;
}

function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, walk: Walk): number {
  for (const name of ["first", "last"]) {
    const value = argumentValue(field, definition, name, walk);
    if (value === undefined || value === null) continue;
    if (typeof value === "number" && Number.isInteger(value) && value >= 0) return Math.min(value, MAX_PAGE_SIZE);
    // A page size the resolver will refuse still prices as the largest page.
    return MAX_PAGE_SIZE;
  }
  return DEFAULT_PAGE_SIZE;
}

/**
 * The years a field with a `from`/`to` range asks for, clamped to the calendar (a year
 * outside is refused by the resolver, and priced as the whole calendar meanwhile);
 * null when the field takes no range.
 */
function yearsAsked(field: FieldNode, definition: GraphQLField<unknown, unknown>, walk: Walk): number | null {
  if (!definition.args.some((a) => a.name === "from" || a.name === "to")) return null;
  const { first, last } = walk.calendar;
  const year = (name: string, otherwise: number) => {
    const value = argumentValue(field, definition, name, walk);
    if (value === undefined || value === null) return otherwise;
    return typeof value === "number" && Number.isInteger(value) && value >= first && value <= last ? value : null;
  };
  const from = year("from", first);
  const to = year("to", last);
  if (from === null || to === null) return last - first + 1;
  return Math.max(0, to - from + 1);
}

function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

/** Whether a list's elements are years (a `year` or `fiscalYear` field): as many as the years it covers. */
function isYearly(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return "year" in fields || "fiscalYear" in fields;
}

/** Root lists with one element per item of an argument: the objects asked for by ID, a gateway's representations. */
const LISTS_OF_ARGUMENT: Readonly<Record<string, string>> = { nodes: "ids", _entities: "representations" };

/** How many times the field's selection runs: the page size, the ids asked for, an estimate, or once. */
function multiplier(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  parent: GraphQLCompositeType,
  type: GraphQLNamedType,
  list: boolean,
  walk: Walk,
  years: number,
): number {
  if (isConnection(type)) return pageSize(field, definition, walk);
  if (!list || !isCompositeType(type)) return 1;
  // A connection's `nodes` and `edges` are its page: already counted on the connection.
  if (isConnection(parent)) return 1;
  const askedFor = parent.name === "Query" ? LISTS_OF_ARGUMENT[field.name.value] : undefined;
  if (askedFor !== undefined) {
    const asked = argumentValue(field, definition, askedFor, walk);
    return Array.isArray(asked) ? asked.length : UNPAGED_LIST_SIZE;
  }
  const known = LIST_SIZES[`${parent.name}.${field.name.value}`];
  if (typeof known === "number") return known;
  if (known) return known({ years, schema: walk.schema });
  return isYearly(type) ? years : UNPAGED_LIST_SIZE;
}

function measureSelections(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, walk: Walk, years: number): OperationMeasure {
  const total: OperationMeasure = { cost: 0, depth: 0, aliases: 0, directives: 0 };
  for (const selection of selectionSet.selections) {
    total.directives += selection.directives?.length ?? 0;
    let part: OperationMeasure;
    if (selection.kind === Kind.FIELD) {
      part = measureField(selection, parent, walk, years);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      part =
        type && isCompositeType(type)
          ? measureSelections(selection.selectionSet, type, walk, years)
          : { cost: 0, depth: 0, aliases: 0, directives: 0 };
    } else {
      part = measureFragment(selection.name.value, walk, years);
    }
    total.cost += part.cost;
    total.aliases += part.aliases;
    total.directives += part.directives;
    total.depth = Math.max(total.depth, part.depth);
  }
  return total;
}

function measureFragment(name: string, walk: Walk, years: number): OperationMeasure {
  const key = `${name}@${years}`;
  const known = walk.memo.get(key);
  if (known) return known;
  const fragment = walk.fragments.get(name);
  const type = fragment ? walk.schema.getType(fragment.typeCondition.name.value) : undefined;
  // Validation has refused unknown fragments and cycles before this runs; the placeholder guards a walk all the same.
  walk.memo.set(key, { cost: 0, depth: 0, aliases: 0, directives: 0 });
  const measure =
    fragment && type && isCompositeType(type)
      ? measureSelections(fragment.selectionSet, type, walk, years)
      : { cost: 0, depth: 0, aliases: 0, directives: 0 };
  measure.directives += fragment?.directives?.length ?? 0;
  walk.memo.set(key, measure);
  return measure;
}

function weightOf(parent: GraphQLCompositeType, name: string, type: GraphQLNamedType): number {
  const known = FIELD_WEIGHTS[`${parent.name}.${name}`];
  if (known !== undefined) return known;
  // Introspection reads the schema in memory: only the elements of its lists, which multiply, carry a cost.
  if (name.startsWith("__") || parent.name.startsWith("__")) return 0;
  if (name === "totalCount" && isConnection(parent)) return TOTAL_COUNT_WEIGHT;
  return isCompositeType(type) ? 1 : 0;
}

/** The introspection entry points, which no type lists among its fields. */
const META_FIELDS: Readonly<Record<string, GraphQLField<unknown, unknown>>> = {
  __schema: SchemaMetaFieldDef,
  __type: TypeMetaFieldDef,
  __typename: TypeNameMetaFieldDef,
};

function measureField(field: FieldNode, parent: GraphQLCompositeType, walk: Walk, outerYears: number): OperationMeasure {
  const aliases = field.alias ? 1 : 0;
  const name = field.name.value;
  // Introspection is measured like the rest: its lists multiply, so `types { fields { type { fields … } } }` is refused
  // while GraphiQL's own introspection query passes.
  const definition = META_FIELDS[name] ?? (isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined);
  if (!definition) return { cost: 0, depth: 1, aliases, directives: 0 };
  const type = getNamedType(definition.type);
  const list = isListType(getNullableType(definition.type));
  const years = yearsAsked(field, definition, walk) ?? outerYears;
  const children =
    field.selectionSet && isCompositeType(type)
      ? measureSelections(field.selectionSet, type, walk, years)
      : { cost: 0, depth: 0, aliases: 0, directives: 0 };
  const weight = weightOf(parent, name, type);
  // Each object of a list costs one, besides its fields: a list of a thousand years is not free because its fields are numbers.
  const perElement = list && isCompositeType(type) && !isConnection(parent) ? 1 : 0;
  return {
    cost: weight + multiplier(field, definition, parent, type, list, walk, years) * (children.cost + perElement),
    depth: 1 + children.depth,
    aliases: aliases + children.aliases,
    directives: children.directives,
  };
}

/** Measures of operations that declare no variables, by the calendar's last year: the same for every request of their document. */
const withoutVariables = new WeakMap<OperationDefinitionNode, { last: number; measure: Readonly<OperationMeasure> }>();

/**
 * Cost, depth, aliases (`__typename` included) and directives of one operation, with
 * its variables (those it does not send at their defaults) and the calendar's years;
 * measured once for an operation that declares none (Apollo keeps one document per
 * query text, so its operation node is the same object every time).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  calendar: Calendar,
): Readonly<OperationMeasure> {
  if (operation.variableDefinitions?.length) return measureWith(schema, document, operation, variables, calendar);
  const last = yearOf(calendar.last);
  const known = withoutVariables.get(operation);
  if (known?.last === last) return known.measure;
  const measure = measureWith(schema, document, operation, {}, calendar);
  withoutVariables.set(operation, { last, measure });
  return measure;
}

function measureWith(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  sent: Readonly<Record<string, unknown>>,
  calendar: Calendar,
): OperationMeasure {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, depth: 0, aliases: 0, directives: 0 };
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(sent, name)) variables[name] = sent[name];
    else if (definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
  }
  const years = { first: yearOf(calendar.first), last: yearOf(calendar.last) };
  const walk: Walk = { schema, fragments, variables, calendar: years, memo: new Map() };
  const measure = measureSelections(operation.selectionSet, root, walk, years.last - years.first + 1);
  measure.directives += operation.directives?.length ?? 0;
  return measure;
}

/** The first limit the operation passes, as the error to answer with; null when it keeps within all. */
export function checkOperation(measure: OperationMeasure, limits: OperationLimits): GraphQLError | null {
  if (measure.aliases > limits.maxAliases) return limitExceeded("aliases", measure.aliases, limits.maxAliases);
  if (measure.directives > limits.maxDirectives) return limitExceeded("directives", measure.directives, limits.maxDirectives);
  if (measure.depth > limits.maxDepth) return limitExceeded("depth", measure.depth, limits.maxDepth);
  if (measure.cost > limits.maxCost) return limitExceeded("cost", measure.cost, limits.maxCost);
  return null;
}
