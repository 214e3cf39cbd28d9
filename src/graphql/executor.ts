import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  BREAK,
  TypeInfo,
  execute,
  getNamedType,
  isAbstractType,
  isInputObjectType,
  printSchema,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from "graphql";
import type {
  DocumentNode,
  ExecutionResult,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  GraphQLType,
  OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { CompiledQuery } from "graphql-jit";
import type { RequestContext } from "../core/context";

type Gateway = ApolloServerOptionsWithGateway<RequestContext>["gateway"];
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

/**
 * graphql-jit's error for a resolver's failure has no `extensions` when the failure
 * had none; graphql-js's always has an object, and Apollo reads `extensions.code` of
 * every error (a missing object made it mask the error, path and locations lost).
 * The same error, with an empty `extensions` in front.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  return Object.create(error, { extensions: { value: {}, enumerable: false } }) as GraphQLError;
}

/** Whether a value of `type` holds an input object with a defaulted field, at any depth: graphql-jit leaves a missing one unset. */
function holdsDefaults(type: GraphQLType | null | undefined, seen = new Set<GraphQLNamedType>()): boolean {
  const named = type ? getNamedType(type) : undefined;
  if (!isInputObjectType(named) || seen.has(named)) return false;
  seen.add(named);
  return Object.values(named.getFields()).some((field) => field.defaultValue !== undefined || holdsDefaults(field.type, seen));
}

/** type-graphql's type resolution of a union given `resolveType` is an async function, whose promise graphql-jit does not wait for. */
const AsyncFunction = (async () => {}).constructor;

/** Whether `type` is a union or interface whose type resolution is asynchronous (every mutation's result). */
function resolvesAsync(type: GraphQLType | null | undefined): boolean {
  const named = type ? getNamedType(type) : undefined;
  return isAbstractType(named) && named.resolveType instanceof AsyncFunction;
}

/** Whether graphql-js must run `operation`: it gives an input object `holdsDefaults`, as a variable or written, or selects a type that `resolvesAsync`. */
export function needsGraphqlJs(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  if ((operation.variableDefinitions ?? []).some((variable) => holdsDefaults(typeFromAST(schema, variable.type)))) return true;
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const stopIf = (when: boolean) => {
    found = when;
    return when ? BREAK : undefined;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      ObjectValue: () => stopIf(holdsDefaults(typeInfo.getInputType())),
      Field: () => stopIf(resolvesAsync(typeInfo.getType())),
    }),
  );
  return found;
}

/**
 * Operations executed by `graphql-jit`: each operation of a document is compiled once
 * into JavaScript that walks exactly its selection (no per-field lookups of the
 * schema, argument coercion planned ahead), then run with the same resolvers, context
 * and error handling as graphql-js. Documents come from Apollo's document store, one
 * object per distinct query text, so the compiled form is kept beside it and goes
 * with it. An operation graphql-jit cannot compile runs on graphql-js, and so do those
 * it would answer differently (`needsGraphqlJs`): one with an input object that has
 * defaulted fields (a mutation's `input` without `draft` would reach its resolver
 * without it, where graphql-js fills in `false`; filters have none), and one that
 * selects a union whose type resolution returns a promise. So does a request whose
 * operation Apollo could not pick (a wrong `operationName`): graphql-js says why; and
 * one whose variables graphql-jit refuses, so a bad one is refused with graphql-js's
 * own error (BAD_USER_INPUT).
 *
 * Apollo Server's documented hook for another executor is its gateway interface: this
 * is a gateway with one fixed schema and no supergraph.
 */
export function jitExecutionGateway(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  function compiledFor(document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledQuery | null {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let query = byOperation.get(key);
    if (query === undefined) {
      const result = needsGraphqlJs(schema, document, operation) ? null : compileQuery(schema, document, operationName ?? undefined);
      query = result !== null && isCompiledQuery(result) ? result : null;
      byOperation.set(key, query);
    }
    return query;
  }

  async function run(
    document: DocumentNode,
    operation: OperationDefinitionNode | null,
    operationName: string | null,
    variables: Record<string, unknown>,
    context: RequestContext,
  ): Promise<ExecutionResult> {
    // The operation name as the client sent it: graphql-js refuses one that names no operation, as Apollo alone would.
    const onGraphqlJs = () => execute({ schema, document, operationName, variableValues: variables, contextValue: context });
    // Apollo hands a gateway the request even when no operation matched `operationName`.
    const query = operation ? compiledFor(document, operation, operation.name?.value ?? null) : null;
    if (!query) return onGraphqlJs();
    const result = await query.query(undefined, context, variables);
    // No data: graphql-jit refused the variables. graphql-js answers instead, with its own errors (BAD_USER_INPUT to Apollo).
    if (!("data" in result)) return onGraphqlJs();
    return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
  }

  const executor: Executor = ({ document, operation, request, context }) =>
    run(document, operation ?? null, request.operationName ?? null, request.variables ?? {}, context as RequestContext);

  let announce: ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | null = null;
  const gateway: Gateway = {
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => {
        announce = null;
      };
    },
    async load() {
      announce?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {},
  };
  return gateway;
}
