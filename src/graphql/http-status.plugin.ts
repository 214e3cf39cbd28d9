import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../core/context";
import { ErrorCode } from "../core/errors";

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;

/** Codes of the hub's state, not the request's: HTTP 503. */
const UNAVAILABLE_CODES = new Set<unknown>([ErrorCode.TIMEOUT, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.STORAGE_FULL]);

/**
 * The database's state (TIMEOUT, SERVICE_UNAVAILABLE, STORAGE_FULL) is HTTP 503 with Retry-After,
 * so load balancers and clients retry, instead of a 200 carrying the error.
 */
export function httpStatusPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.["code"]);
          if (codes.some((code) => UNAVAILABLE_CODES.has(code))) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

/** Request errors the GraphQL-over-HTTP spec answers with 200 under `application/json`. */
const REQUEST_ERRORS = new Set<unknown>([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  ErrorCode.OPERATION_LIMIT_EXCEEDED,
]);

/**
 * Whether a 400 answer is a well-formed GraphQL-over-HTTP request whose document or
 * variables failed: under `application/json` the spec recommends 200 for those
 * (`application/graphql-response+json` keeps 400).
 */
export function isRequestErrorBody(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[]; data?: unknown };
    return (
      parsed.data === undefined && (parsed.errors ?? []).length > 0 && parsed.errors!.every((e) => REQUEST_ERRORS.has(e.extensions?.code))
    );
  } catch {
    return false;
  }
}
