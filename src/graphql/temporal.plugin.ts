import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type { DocumentNode, FieldNode, GraphQLField, GraphQLInputType, OperationDefinitionNode, SelectionSetNode } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { inCalendar } from "../charter";
import type { Calendar } from "../charter";
import type { RequestContext } from "../core/context";
import { InputError } from "../core/errors";
import { outsideCalendar } from "../core/inputs";
import { DateScalar, InstantScalar } from "../core/scalars";
import { readAsKnownOn } from "./context";

/** The argument every root query field takes: the recorded time the whole request reads at. */
const AS_KNOWN_ON = "asKnownOn";

const AS_KNOWN_ON_DESCRIPTION =
  "Answer from the records as the hub knew them at this instant (default: now). A day means its end, UTC. Every root field of one request that gives it gives the same; `asOf` then defaults to that day.";

/**
 * The schema with `asKnownOn` on every root query field. It is the request's, not the
 * field's: all the reads of one request see one recorded time (the plugin below opens
 * it before execution), so the resolvers never read the argument.
 */
export function withAsKnownOn(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const queryType = config.query;
  if (!queryType) return schema;
  const queryConfig = queryType.toConfig();
  const query = new GraphQLObjectType({
    ...queryConfig,
    fields: Object.fromEntries(
      Object.entries(queryConfig.fields).map(([name, field]) => [
        name,
        { ...field, args: { ...field.args, [AS_KNOWN_ON]: { type: InstantScalar, description: AS_KNOWN_ON_DESCRIPTION } } },
      ]),
    ),
  });
  return new GraphQLSchema({ ...config, query, types: [...config.types.filter((type) => type !== queryType), query, InstantScalar] });
}

/** A field of the operation whose arguments hold a `Date` somewhere (directly, in a list, or in an input object). */
interface DatedField {
  node: FieldNode;
  definition: GraphQLField<unknown, unknown>;
}

interface OperationPlan {
  /** The root fields, with their definitions (for `asKnownOn`). */
  roots: DatedField[];
  dated: DatedField[];
}

const plans = new WeakMap<OperationDefinitionNode, OperationPlan>();
const holdsDate = new WeakMap<GraphQLInputType, boolean>();

function containsDate(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  const known = holdsDate.get(type);
  if (known !== undefined) return known;
  let result = false;
  if (type instanceof GraphQLNonNull || type instanceof GraphQLList) result = containsDate(type.ofType, seen);
  else if (type instanceof GraphQLInputObjectType) {
    if (seen.has(type)) return false;
    seen.add(type);
    result = Object.values(type.getFields()).some((field) => containsDate(field.type, seen));
  } else result = type === DateScalar || getNamedType(type).name === DateScalar.name;
  holdsDate.set(type, result);
  return result;
}

function rootFieldsOf(
  selectionSet: SelectionSetNode,
  document: DocumentNode,
  type: GraphQLObjectType,
  into: DatedField[],
  seen: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const definition = type.getFields()[selection.name.value];
      if (definition) into.push({ node: selection, definition });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootFieldsOf(selection.selectionSet, document, type, into, seen);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFieldsOf(fragment.selectionSet, document, type, into, seen);
    }
  }
}

/** What the checks need of an operation, worked out once per parsed document (Apollo keeps parsed documents). */
function planOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationPlan {
  const known = plans.get(operation);
  if (known) return known;
  const roots: DatedField[] = [];
  const rootType = schema.getRootType(operation.operation);
  if (rootType) rootFieldsOf(operation.selectionSet, document, rootType, roots, new Set());
  const dated: DatedField[] = [];
  const typeInfo = new TypeInfo(schema);
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  visit(
    { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const definition = typeInfo.getFieldDef();
        if (definition && definition.args.some((arg) => containsDate(arg.type))) dated.push({ node, definition });
      },
    }),
  );
  const plan = { roots, dated };
  plans.set(operation, plan);
  return plan;
}

/** Every `Date` in an argument's value, with its path (`asOf`, `input.paidOn`, `filter.days[1]`). */
function datesIn(value: unknown, type: GraphQLInputType, path: string, found: { path: string; day: string }[]): void {
  if (value === null || value === undefined) return;
  if (type instanceof GraphQLNonNull) return datesIn(value, type.ofType, path, found);
  if (type instanceof GraphQLList) {
    if (Array.isArray(value)) value.forEach((item, index) => datesIn(item, type.ofType, `${path}[${index}]`, found));
    else datesIn(value, type.ofType, path, found);
    return;
  }
  if (type instanceof GraphQLInputObjectType) {
    for (const [name, field] of Object.entries(type.getFields())) {
      if (containsDate(field.type)) datesIn((value as Record<string, unknown>)[name], field.type, `${path}.${name}`, found);
    }
    return;
  }
  if (getNamedType(type).name === DateScalar.name && typeof value === "string") found.push({ path, day: value });
}

/**
 * The checks on an operation's times, with its variables: every `Date` argument lies in
 * the calendar (BAD_USER_INPUT naming the argument and the range), and the root fields
 * agree on one `asKnownOn`, which is returned (null: now). Variables that do not coerce
 * are left to execution, which reports them.
 */
function checkTemporalArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
  calendar: Calendar,
): { knownOn: Date | null } {
  const plan = planOf(schema, document, operation);
  if (plan.dated.length === 0 && plan.roots.every((root) => !root.definition.args.some((a) => a.name === AS_KNOWN_ON))) {
    return { knownOn: null };
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return { knownOn: null };
  const variables = coerced.coerced;
  for (const { node, definition } of plan.dated) {
    const values = getArgumentValues(definition, node, variables);
    const found: { path: string; day: string }[] = [];
    for (const argument of definition.args) {
      if (containsDate(argument.type)) datesIn(values[argument.name], argument.type, argument.name, found);
    }
    const outside = found.find(({ day }) => !inCalendar(calendar, day));
    if (outside) throw outsideCalendar(calendar, outside.day, outside.path);
  }
  const asked = plan.roots
    .filter((root) => !root.node.name.value.startsWith("__"))
    .map((root) => ({
      field: root.node.alias?.value ?? root.node.name.value,
      at: getArgumentValues(root.definition, root.node, variables)[AS_KNOWN_ON],
    }))
    .map(({ field, at }) => ({ field, at: at instanceof Date ? at : null }));
  const given = asked.filter((a) => a.at !== null);
  if (given.length === 0) return { knownOn: null };
  if (given.length < asked.length || given.some((a) => a.at!.getTime() !== given[0].at!.getTime())) {
    const listed = asked.map((a) => `${a.field}: ${a.at ? a.at.toISOString() : "none"}`).join(", ");
    throw new InputError(
      `${AS_KNOWN_ON}: a request reads the records as known at one time; give the same asKnownOn to every root field (${listed})`,
      AS_KNOWN_ON,
    );
  }
  return { knownOn: given[0].at };
}

/**
 * The request's times, before execution: the calendar's bounds on every `Date`, and
 * `asKnownOn`, which turns the request into a read of an earlier recorded time
 * (graphql/context.ts); the answer says which (`extensions.asKnownOn`), and the read's
 * session ends with the response.
 */
export function temporalPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          let knownOn: Date | null;
          try {
            ({ knownOn } = checkTemporalArguments(schema, document, operation, request.variables, contextValue.calendar));
          } catch (error) {
            // A request error, as a variable that does not coerce is: nothing ran.
            if (error instanceof InputError) Object.assign(error.extensions, { http: { status: 400 } });
            throw error;
          }
          if (knownOn !== null && operation.operation === "query") await readAsKnownOn(contextValue, knownOn);
        },
        async willSendResponse({ response, contextValue }) {
          const { knownOn } = contextValue;
          if (knownOn && response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              asKnownOn: {
                asked: knownOn.asked.toISOString(),
                answeredFor: knownOn.answeredFor.toISOString(),
                recordsBegin: knownOn.recordsBegin.toISOString(),
              },
            };
          }
          await contextValue.finish();
        },
      };
    },
  };
}
