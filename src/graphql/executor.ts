import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { BREAK, GraphQLInputObjectType, execute, getNamedType, printSchema, typeFromAST, visit } from "graphql";
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from "graphql";
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

/**
 * Operations executed by `graphql-jit`: each operation of a document is compiled once
 * into JavaScript that walks exactly its selection (no per-field lookups of the
 * schema, argument coercion planned ahead), then run with the same resolvers, context
 * and error handling as graphql-js. Documents come from Apollo's document store, one
 * object per distinct query text, so the compiled form is kept beside it and goes
 * with it. An operation graphql-jit cannot compile runs on graphql-js, and so does one
 * with an input object, as a variable or written in the document: graphql-jit does
 * not give an input object's missing fields their default values (a mutation's
 * `input` without `draft` would reach its resolver without it, where graphql-js fills
 * in `false`). So does a request whose operation Apollo could not pick (a wrong
 * `operationName`): graphql-js says why; and one whose variables graphql-jit refuses,
 * so a bad one is refused with graphql-js's own error (BAD_USER_INPUT).
 *
 * Apollo Server's documented hook for another executor is its gateway interface: this
 * is a gateway with one fixed schema and no supergraph.
 */
export function jitExecutionGateway(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const takesInputObject = (document: DocumentNode, operation: OperationDefinitionNode) => {
    const asVariable = (operation.variableDefinitions ?? []).some((variable) => {
      const type = typeFromAST(schema, variable.type);
      return type !== undefined && getNamedType(type) instanceof GraphQLInputObjectType;
    });
    let written = false;
    visit(document, {
      ObjectValue: () => {
        written = true;
        return BREAK;
      },
    });
    return asVariable || written;
  };

  function compiledFor(document: DocumentNode, operation: OperationDefinitionNode, operationName: string | null): CompiledQuery | null {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? "";
    let query = byOperation.get(key);
    if (query === undefined) {
      const result = takesInputObject(document, operation) ? null : compileQuery(schema, document, operationName ?? undefined);
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
