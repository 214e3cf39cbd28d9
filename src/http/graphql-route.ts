import { Readable } from "node:stream";
import { HeaderMap } from "@apollo/server";
import type { ApolloServer, HTTPGraphQLRequest } from "@apollo/server";
import type { FastifyReply, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import type { DataSource } from "typeorm";
import type { OperationLimits } from "../config";
import { poolStats } from "../db/pool";
import { statementsNow } from "../db/request-scope";
import type { RequestContext } from "../core/context";
import type { Calendar } from "../charter";
import { todayUtc } from "../core/dates";
import type { IsoDate } from "../core/dates";
import { scopedSource } from "../core/scoped-source";
import type { StatementScope } from "../core/scoped-source";
import { ErrorCode } from "../core/errors";
import type { LiveEvent } from "../core/live-event";
import { negotiateLang } from "../core/i18n";
import { createRequestContext } from "../graphql/context";
import { RETRY_AFTER_SECONDS, isRequestErrorBody } from "../graphql/http-status.plugin";
import type { Admission } from "./admission";
import { graphqlErrorBody } from "./error-body";
import { limitExceeded } from "../graphql/operation-limits";
import { scanDocument } from "../graphql/document-scan";
import type { DocumentScan } from "../graphql/document-scan";
import { MAX_INPUT_DEPTH, jsonTextDepth, stringProblem, variablesProblem } from "./input-checks";
import type { InputProblem } from "./input-checks";
import type { LimitName } from "../graphql/operation-limits";
import type { HubMetrics, Outcome } from "./metrics";
import { ResponseCache, answerMediaKey, etagOf } from "./response-cache";
import type { CachedAnswer } from "./response-cache";
import { seesPrivate } from "../core/viewer";
import type { SharedState } from "./shared-state";

export interface GraphQLRouteOptions {
  apollo: ApolloServer<RequestContext>;
  dataSource: DataSource;
  limits: OperationLimits;
  cacheMaxAgeSeconds: number;
  /** The days the graph answers for, on a given today (charter/calendar.ts). */
  calendar: (today: IsoDate) => Calendar;
  shared: SharedState;
  metrics: HubMetrics;
  /** Turns to execute, shared with the exports: MAX_IN_FLIGHT at once, MAX_QUEUED waiting. */
  admission: Admission;
  /** Fixes "today" for tests; the real clock otherwise. */
  now?: () => Date;
  /** Tells subscribers of a committed write's changes, once the response cache is invalidated. */
  announce?: (events: readonly LiveEvent[]) => Promise<void>;
  /** Run after every committed write, once the response cache is invalidated and its changes announced. */
  afterWrite?: () => Promise<void>;
}

interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

const ABORTED = Symbol("aborted");

/**
 * `answer`, or ABORTED once `signal` aborts, whichever comes first; its listener leaves the
 * signal when the answer settles. Nothing may stay on a request's signal once it is answered:
 * a promise left pending there (a race against it) keeps the request's objects alive
 * through V8's young-generation collections, which then promote them to the old
 * generation, and full collections come several times as often.
 */
function answerOrAbort<T>(answer: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** GET carries its parameters in the query string (variables and extensions as JSON); POST in its body. */
function paramsOf(request: FastifyRequest): GraphQLParams {
  const source = request.method === "GET" ? request.query : request.body;
  return source !== null && typeof source === "object" && !Array.isArray(source) ? source : {};
}

/**
 * Each document text's scan (tokens, repeated fields, a NUL or a lone surrogate), remembered as Apollo remembers
 * parsed documents: a partner site repeats a few queries, and a repeat should cost no
 * second lexing. Bounded by MAX_DOCUMENT_BYTES, checked first.
 */
const scans = new LRUCache<string, DocumentScan & { problem: InputProblem | null }>({ max: 1000 });

function scanOf(query: string): DocumentScan & { problem: InputProblem | null } {
  let scan = scans.get(query);
  if (scan === undefined) {
    // An escape in a GraphQL string is the parser's to decode: a NUL written `\u0000` is refused here all the same.
    scan = { ...scanDocument(query), problem: stringProblem(query.replaceAll("\\u0000", "\u0000"), "query") };
    scans.set(query, scan);
  }
  return scan;
}

/** The variables as the text a request sent (GET) or as JSON (POST): read once, for the cache key, after `precheck` passed. */
function variablesText(params: GraphQLParams): string {
  return typeof params.variables === "string" ? params.variables : JSON.stringify(params.variables ?? null);
}

/** An input mistake found before parsing: BAD_USER_INPUT naming where it is. */
function inputRefusal(problem: InputProblem): { error: Error } {
  return {
    error: Object.assign(new Error(problem.message), {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: problem.argumentName },
    }),
  };
}

/**
 * Refusals that need no parsing of GraphQL, before anything walks the input
 * recursively: the document's size and tokens; variables nested too deep; NUL
 * characters (PostgreSQL cannot store them) and lone surrogates, as characters or as
 * escapes, in the document or the variables.
 */
function precheck(params: GraphQLParams, limits: OperationLimits): { error: Error; limit?: LimitName } | null {
  const query = params.query;
  if (typeof query === "string") {
    const bytes = Buffer.byteLength(query);
    if (bytes > limits.maxDocumentBytes)
      return { error: limitExceeded("documentBytes", bytes, limits.maxDocumentBytes), limit: "documentBytes" };
    const { tokens, repeatedFields, problem } = scanOf(query);
    if (tokens > limits.maxTokens) return { error: limitExceeded("tokens", tokens, limits.maxTokens), limit: "tokens" };
    if (repeatedFields > limits.maxRepeatedFields) {
      return { error: limitExceeded("repeatedFields", repeatedFields, limits.maxRepeatedFields), limit: "repeatedFields" };
    }
    if (problem) return inputRefusal(problem);
  }
  let variables = params.variables;
  if (typeof variables === "string") {
    // GET: the text is parsed by Apollo; measured here first, so nothing parses a text nested thousands deep.
    if (jsonTextDepth(variables, MAX_INPUT_DEPTH) > MAX_INPUT_DEPTH) {
      return inputRefusal({
        message: `The variables nest deeper than ${MAX_INPUT_DEPTH} levels: no input of this API is that deep.`,
        argumentName: "variables",
      });
    }
    try {
      variables = JSON.parse(variables);
    } catch {
      // Not JSON: Apollo says so, in its words.
      return null;
    }
  }
  const problem = variablesProblem(variables);
  return problem ? inputRefusal(problem) : null;
}

function errorBody(error: Error & { extensions?: Record<string, unknown> }): string {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return graphqlErrorBody(error.message, extensions);
}

const isPlainObject = (value: unknown): boolean => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Whether `operationName` and `extensions` have the types GraphQL over HTTP allows. A
 * request that is not is Apollo's to refuse (400): it never shares a cached answer
 * with the well-formed request it resembles.
 */
function wellFormed(params: GraphQLParams): boolean {
  const { operationName, extensions } = params;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return false;
  if (extensions === undefined || extensions === null || isPlainObject(extensions)) return true;
  if (typeof extensions !== "string") return false;
  // A GET carries its extensions as JSON text.
  try {
    return isPlainObject(JSON.parse(extensions));
  } catch {
    return false;
  }
}

/** The document a request asks (its text, or its persisted hash): what its cached answer is kept under; null for none. */
function documentOf(params: GraphQLParams): string | null {
  if (!wellFormed(params)) return null;
  if (typeof params.query === "string") return params.query;
  const hash = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === "string" ? `#${hash}` : null;
}

function headerMapOf(request: FastifyRequest): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return map;
}

function outcomeOf(status: number, body: string): Outcome {
  if (status === 503) return body.includes(`"${ErrorCode.TIMEOUT}"`) ? "timeout" : "unavailable";
  if (status >= 400) return body.includes(ErrorCode.OPERATION_LIMIT_EXCEEDED) ? "refused" : "error";
  return body.includes('"errors"') ? "error" : "ok";
}

/**
 * POST and GET /graphql: limits that need no parsing, then the response cache for
 * anonymous queries, then Apollo under a deadline. At the deadline, or when the
 * client goes away, the request's signal aborts: its request scope sends no further
 * SQL and the client gets TIMEOUT (503). A GET answer carries a strong ETag, and an
 * `If-None-Match` that matches gets 304.
 */
export function graphqlRoute(options: GraphQLRouteOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  const { apollo, dataSource, limits, metrics } = options;
  const cache = new ResponseCache(options.shared, options.cacheMaxAgeSeconds);
  const { admission } = options;

  function unavailable(reply: FastifyReply, code: string, message: string, extensions: Record<string, unknown> = {}): FastifyReply {
    return reply
      .code(503)
      .type("application/json; charset=utf-8")
      .header("retry-after", String(RETRY_AFTER_SECONDS))
      .header("cache-control", "no-store")
      .send(graphqlErrorBody(message, { code, ...extensions }));
  }

  function send(
    request: FastifyRequest,
    reply: FastifyReply,
    answer: Omit<CachedAnswer, "body"> & { body: string | Buffer; status: number },
  ): FastifyReply {
    const vary = reply.getHeader("vary");
    void reply
      .header("content-type", answer.contentType)
      .header("vary", vary ? `${String(vary)}, Accept, Accept-Language, Authorization` : "Accept, Accept-Language, Authorization");
    if (seesPrivate(request.viewer)) {
      // Private fields and drafts: no cache anywhere may keep or share this answer.
      void reply.header("cache-control", "private, no-store");
    } else if (request.method === "GET" && answer.status === 200) {
      void reply.header("cache-control", answer.cacheControl).header("etag", answer.etag);
      if (request.headers["if-none-match"]?.split(/\s*,\s*/).includes(answer.etag)) return reply.code(304).send();
    } else {
      // HTTP caches keep no POST; an error is never kept.
      void reply.header("cache-control", "no-store");
    }
    return reply.code(answer.status).send(answer.body);
  }

  /**
   * A refusal as Apollo answers its own: a limit under application/json is 200 (GraphQL
   * over HTTP), 400 under application/graphql-response+json; bad input (a NUL) is always 400.
   */
  function refuse(request: FastifyRequest, reply: FastifyReply, error: Error, badInput = false): FastifyReply {
    const strict = (request.headers.accept ?? "").includes("application/graphql-response+json");
    return reply
      .code(!badInput && !strict ? 200 : 400)
      .type(strict ? "application/graphql-response+json; charset=utf-8" : "application/json; charset=utf-8")
      .header("cache-control", "no-store")
      .send(errorBody(error));
  }

  return async (request, reply) => {
    const started = performance.now();
    const params = paramsOf(request);
    const operationName = typeof params.operationName === "string" ? params.operationName : null;
    const record = (outcome: Outcome) => metrics.record(operationName, outcome, (performance.now() - started) / 1000);

    const refusal = precheck(params, limits);
    if (refusal) {
      if (refusal.limit) metrics.refusals.inc({ limit: refusal.limit });
      record(refusal.limit ? "refused" : "error");
      return refuse(request, reply, refusal.error, refusal.limit === undefined);
    }

    const variables = variablesText(params);
    const lang = negotiateLang(request.headers["accept-language"]);
    const now = options.now?.() ?? new Date();
    // PUBLIC and PARTNER see the same data, so they share cached answers; the secretariat never does.
    const shareable = !seesPrivate(request.viewer) && options.cacheMaxAgeSeconds > 0;
    const document = shareable ? documentOf(params) : null;
    const key =
      document === null
        ? null
        : await cache.keyOf({
            document,
            operationName,
            variables,
            lang,
            today: todayUtc(now),
            media: answerMediaKey(request.headers.accept),
          });
    if (key !== null) {
      const hit = await cache.get(key);
      metrics.cache.inc({ result: hit === null ? "miss" : "hit" });
      if (hit !== null) {
        const sent = send(request, reply, { ...hit, status: 200 });
        record(sent.statusCode === 304 ? "not_modified" : "cached");
        return sent;
      }
    }

    const controller = new AbortController();
    // From the request's arrival: the rate limit's and the cache's trips to the shared state count toward it.
    const remaining = Math.max(0, limits.timeoutMs - reply.elapsedTime);
    const deadlineAt = performance.now() + remaining;
    const deadline = setTimeout(() => controller.abort("deadline"), remaining);
    const onClose = () => {
      if (!reply.raw.writableFinished) controller.abort("client-gone");
    };
    reply.raw.once("close", onClose);

    // What the deadline's log line reports: the wait for a turn, and (once admitted) the statements sent.
    let admittedAfterMs: number | null = null;
    let counted: StatementScope | null = null;
    // Where a stopped request's time went, for whoever reads the log next: its turn, its statements (those waiting
    // for a connection, those running with their backends, as PostgreSQL's log names them), the pool.
    const logDeadline = () =>
      request.log.warn(
        {
          deadlineMs: limits.timeoutMs,
          admittedAfterMs,
          statements: counted?.statements ?? null,
          ...(counted ? statementsNow(counted) : { waitingForConnection: 0, running: [] }),
          pool: poolStats(dataSource),
          operationName,
        },
        "an operation ran past its deadline",
      );
    const timeout = () => {
      if (controller.signal.reason !== "client-gone") logDeadline();
      record("timeout");
      return unavailable(
        reply,
        ErrorCode.TIMEOUT,
        `The operation ran past its deadline of ${limits.timeoutMs} ms and was stopped. Ask for less, or retry later.`,
        {
          deadlineMs: limits.timeoutMs,
        },
      );
    };
    const finish = () => {
      clearTimeout(deadline);
      reply.raw.off("close", onClose);
    };

    // The deadline counts from arrival: a wait for a turn is part of the answer's time.
    const release = await admission.enter(controller.signal);
    admittedAfterMs = Math.round(performance.now() - started);
    if (release === null) {
      finish();
      if (controller.signal.aborted) return timeout();
      record("unavailable");
      return unavailable(reply, ErrorCode.SERVICE_UNAVAILABLE, "The hub is at capacity. Retry later.");
    }

    const scope = { signal: controller.signal, deadlineAt, statements: 0 };
    counted = scope;
    // Every statement of the request goes through its scoped source, which knows its signal and counts its statements.
    const context = createRequestContext({
      em: scopedSource(dataSource, scope).manager,
      acceptLanguage: request.headers["accept-language"],
      requestId: request.id,
      viewer: request.viewer,
      afterWrite: async (events) => {
        await cache.invalidate();
        // A subscriber that reads again on an event gets the new answer, not the cached one.
        await options.announce?.(events);
        await options.afterWrite?.();
      },
      now,
      calendar: options.calendar(todayUtc(now)),
    });
    const throughApollo = () => {
      const httpGraphQLRequest: HTTPGraphQLRequest = {
        method: request.method.toUpperCase(),
        headers: headerMapOf(request),
        search: new URL(request.url, "http://hub.invalid").search,
        body: request.body,
      };
      return apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => context });
    };
    const respond = () => {
      // Abandoned while waiting for its turn (deadline, client gone): it has its TIMEOUT answer, and Apollo need not run it.
      if (controller.signal.aborted) return Promise.resolve(ABORTED);
      return throughApollo();
    };
    const end = async () => {
      // What the request held open (the read of an earlier recorded time) ends with it, answered or abandoned.
      await context.finish().catch((error: unknown) => request.log.warn({ err: error }, "could not end the request's read session"));
      metrics.statements.observe(scope.statements);
      // The turn is given back once Apollo is done, even after a timeout: abandoned work still holds the database.
      release();
    };
    const settled = respond().then(
      async (answer) => {
        await end();
        return answer;
      },
      async (error: unknown) => {
        await end();
        throw error;
      },
    );
    // Attached in the turn the admission resumed in: no abort comes before it.
    const result = await answerOrAbort(settled, controller.signal);
    finish();

    if (result === ABORTED) {
      settled.catch((error: unknown) => request.log.warn({ err: error }, "an abandoned operation failed after its deadline"));
      return timeout();
    }

    for (const [name, value] of result.headers) if (name !== "cache-control") void reply.header(name, value);
    const status = result.status ?? 200;
    if (result.body.kind === "chunked") {
      record("ok");
      return reply.code(status).send(Readable.from(result.body.asyncIterator));
    }
    const contentType = result.headers.get("content-type") ?? "application/json; charset=utf-8";
    // The cost bounds an answer's size; this is the last word, before a byte of it is sent.
    const bytes = result.body.string.length * 3 > limits.maxResponseBytes ? Buffer.byteLength(result.body.string) : 0;
    if (bytes > limits.maxResponseBytes) {
      metrics.refusals.inc({ limit: "responseBytes" });
      record("refused");
      return refuse(request, reply, limitExceeded("responseBytes", bytes, limits.maxResponseBytes));
    }
    const body = result.body.string;
    // GraphQL over HTTP: under application/json a well-formed request whose document or variables fail is 200.
    const answerStatus = status === 400 && contentType.startsWith("application/json") && isRequestErrorBody(body) ? 200 : status;
    const cacheControl = result.headers.get("cache-control") ?? "no-store";
    const kept = key !== null && answerStatus === 200 && cacheControl.startsWith("public");
    // Only a GET answer carries an ETag, and a kept answer may be asked again by GET: hash the body only then.
    const etag = request.method === "GET" || kept ? etagOf(body) : "";
    const answer = { body, etag, contentType, cacheControl, status: answerStatus };
    if (kept) await cache.set(key, { body, etag, contentType, cacheControl });
    const outcome = outcomeOf(answerStatus, body);
    if (outcome === "timeout") logDeadline();
    record(outcome);
    return send(request, reply, answer);
  };
}
