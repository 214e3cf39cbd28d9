import { HeaderMap } from "@apollo/server";
import type { ApolloServerPlugin, HTTPGraphQLResponse } from "@apollo/server";
import { getOperationAST } from "graphql";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { LRUCache } from "lru-cache";
import type { OperationLimits } from "../config";
import type { RequestContext } from "../core/context";
import type { IsoDate } from "../core/dates";
import { cacheControlOf } from "./cache-control.plugin";
import type { JitExecution } from "./executor";
import type { LimitObserver } from "./limits.plugin";
import { checkOperation, measureOperation } from "./operation-limits";
import { checkTemporalArguments, mentionsAsKnownOn } from "./temporal.plugin";

/** What a GraphQL request over HTTP carries, as the route has it. */
export interface KnownQueryRequest {
  method: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  params: { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
}

export interface KnownQueriesOptions {
  schema: GraphQLSchema;
  jit: JitExecution;
  limits: OperationLimits;
  observer: LimitObserver;
  cacheMaxAgeSeconds: number;
  factsCompleteUntil: () => IsoDate;
}

/** Document texts remembered; a partner site repeats a few. */
const KNOWN_TEXTS = 1000;

/** The only media type answered here: what Apollo chooses for no `Accept`, `*∕*` or `application/json`. */
const JSON_TYPE = "application/json; charset=utf-8";
const PLAIN_ACCEPTS = new Set([undefined, "", "*/*", "application/json"]);

/**
 * The media type an answer is negotiated for, as a key: "json" for an `Accept` Apollo
 * answers with `application/json` for certain, else the header itself. Answers to
 * different keys are never shared (the response cache keeps them apart).
 */
export function answerMediaKey(accept: string | undefined): string {
  return PLAIN_ACCEPTS.has(accept) ? "json" : (accept ?? "");
}

/** A response's extensions with the facts horizon: how far the records reach (every answer says it, Apollo's and these). */
export function withFactsHorizon(
  extensions: Record<string, unknown> | undefined,
  factsCompleteUntil: () => IsoDate,
): Record<string, unknown> {
  return { ...extensions, factsCompleteUntil: factsCompleteUntil() };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Known queries: a query text Apollo has already parsed, validated and answered
 * without errors is, from then on, answered here without Apollo's request pipeline
 * (its content negotiation, the SHA-256 of every text, eight plugin hooks a request:
 * measured, the benchmark's single lookup 0.42 -> 0.29 ms of CPU a request, `{ __typename }`
 * 0.21 -> 0.11 ms; docs/BENCHMARKS.md). What Apollo did
 * for the text once holds for every request of it: the document is Apollo's own
 * (parsed and validated under the same schema and rules), and its operation runs as
 * Apollo's executor runs it (`JitExecution.run`: graphql-jit, or graphql-js where it
 * must, executor.ts). What depends on the request is done here as
 * the plugins do it: the operation limits with its variables (limits.plugin.ts), the
 * cache policy with its credentials (cache-control.plugin.ts), the facts horizon.
 *
 * Anything else goes to Apollo, which answers it as before: a text seen for the first
 * time, a mutation, persisted queries, another `Accept`, variables the executor
 * refuses, an operation the limits refuse (Apollo refuses it with its own error), and
 * an answer with errors: the query then runs again through Apollo, whose answer
 * (errors formatted, logged, HTTP status) is the one sent. Reads only, so the second
 * run changes nothing; it finds the first run's rows in the request's loaders.
 */
export class KnownQueries {
  private readonly documents = new LRUCache<string, DocumentNode>({ max: KNOWN_TEXTS });

  constructor(private readonly options: KnownQueriesOptions) {}

  /** The plugin through which Apollo makes a query text known: answered whole, without errors. */
  learner(): ApolloServerPlugin<RequestContext> {
    const documents = this.documents;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ request, document, operation, response }) {
            if (typeof request.query !== "string" || !document || operation?.operation !== "query") return;
            // A read of an earlier recorded time holds a session of its own: always through Apollo's pipeline.
            if (mentionsAsKnownOn(operation, document)) return;
            if (response.body.kind !== "single" || response.body.singleResult.errors?.length) return;
            if (!documents.has(request.query)) documents.set(request.query, document);
          },
        };
      },
    };
  }

  /** The answer to a request whose query is known, or null: Apollo answers it (also when anything here throws). */
  async answer(request: KnownQueryRequest, context: RequestContext): Promise<HTTPGraphQLResponse | null> {
    try {
      return await this.answerKnown(request, context);
    } catch {
      return null;
    }
  }

  private async answerKnown(request: KnownQueryRequest, context: RequestContext): Promise<HTTPGraphQLResponse | null> {
    const { params, headers } = request;
    if (typeof params.query !== "string" || params.extensions !== undefined || answerMediaKey(single(headers["accept"])) !== "json") {
      return null;
    }
    const document = this.documents.get(params.query);
    if (!document) return null;
    const variables = variablesOf(request);
    const operationName = params.operationName ?? null;
    if (variables === null || (operationName !== null && typeof operationName !== "string")) return null;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== "query") return null;

    const { schema, limits, observer } = this.options;
    const measure = measureOperation(schema, document, operation, variables, context.calendar);
    if (checkOperation(measure, limits)) return null;
    // A date outside the calendar: Apollo refuses it, with its error.
    checkTemporalArguments(schema, document, operation, variables, context.calendar);

    const result = await this.options.jit.run(document, operation, operationName, variables, context);
    if (!("data" in result) || result.errors?.length) return null;
    // Measured once a request: an operation handed to Apollo is measured by its plugin.
    observer.measured(measure.cost);
    const http = new HeaderMap([["content-type", JSON_TYPE]]);
    const anonymous = !single(headers["authorization"]);
    http.set("cache-control", cacheControlOf(schema, document, operation, this.options.cacheMaxAgeSeconds, { anonymous, errors: 0 }));
    const body = { data: result.data, extensions: withFactsHorizon(result.extensions, this.options.factsCompleteUntil) };
    // As Apollo writes a single result: JSON and a newline.
    return { status: 200, headers: http, body: { kind: "complete", string: `${JSON.stringify(body)}\n` } };
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The variables as Apollo reads them: a POST's JSON object (or none), a GET's JSON
 * text of one (or none); null for anything Apollo would refuse or read otherwise
 * (another content type: Apollo's own checks answer it).
 */
function variablesOf(request: KnownQueryRequest): Record<string, unknown> | null {
  const { method, headers, params } = request;
  const contentType = single(headers["content-type"]);
  if (method === "POST") {
    if (!contentType?.startsWith("application/json")) return null;
    if (params.variables === undefined || params.variables === null) return {};
    return isPlainObject(params.variables) ? params.variables : null;
  }
  if (method !== "GET" || contentType !== undefined) return null;
  if (params.variables === undefined) return {};
  if (typeof params.variables !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(params.variables);
    return isPlainObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
