import { randomUUID } from "node:crypto";
import Fastify, { LogController } from "fastify";
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from "fastify";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { DataSource } from "typeorm";
import { calendarFor } from "../charter";
import type { Config } from "../config";
import type { IsoDate } from "../core/dates";
import { poolStats } from "../db/pool";
import { createApolloServer } from "../graphql/apollo";
import { Authenticator } from "../modules/access";
import { authenticationHook } from "./authentication";
import { registerCors } from "./cors";
import { graphqlErrorBody } from "./error-body";
import { UNAVAILABLE_MESSAGES, databaseFault } from "../graphql/errors";
import { RETRY_AFTER_SECONDS } from "../graphql/http-status.plugin";
import { GRAPHIQL_CSP, registerGraphiQL, wantsGraphiQL } from "./graphiql";
import { registerDashboard } from "./dashboard";
import { exportRoute } from "./export-route";
import { graphqlRoute } from "./graphql-route";
import { HubMetrics } from "./metrics";
import { LIVE_LIMITS, LiveHub, serveSubscriptions } from "./live";
import type { LiveLimits } from "./live";
import { buildHubSchema } from "../graphql/schema";
import { allowWebhookTargets } from "../modules/webhooks";
import { rateLimitHook } from "./rate-limit";
import { Admission } from "./admission";
import { trustedHops } from "./trust";
import { ReadinessProbe } from "./readiness";
import { MemoryState } from "./shared-state";
import type { Bound, SharedState } from "./shared-state";

/** The settings the HTTP server uses: a whole Config, or the same shape from a test. */
export type ServingSettings = Pick<
  Config,
  "limits" | "http" | "rateLimit" | "cacheMaxAgeSeconds" | "introspection" | "exportRowLimits" | "calendarYearsAhead" | "webhooks"
>;

export interface ServerOptions {
  dataSource: DataSource;
  /** The process's logger (pino): request logs carry the request id. */
  logger: FastifyBaseLogger;
  /** The facts horizon, read at start-up (see main). */
  factsCompleteUntil: () => IsoDate;
  settings: ServingSettings;
  /** Rate limits, persisted queries and cached answers: this process's memory unless given (Redis). */
  shared?: SharedState;
  metrics?: HubMetrics;
  /** Fixes "today" for tests; the real clock otherwise. */
  now?: () => Date;
  /** Whether a shutdown has begun (the connection gate's): /readyz answers 503, so load balancers stop sending. */
  closing?: () => boolean;
  /** Run after every committed write, besides invalidating the response cache (main: refresh the reporting tables). */
  afterWrite?: () => Promise<void>;
  /** What subscribers may hold and fall behind by; LIVE_LIMITS where left out. */
  live?: Partial<LiveLimits>;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Closes every subscription: a shutdown calls it before draining connections, which a WebSocket would hold open. */
    closeSubscriptions(): Promise<void>;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const JSON_TYPE = "application/json; charset=utf-8";

/**
 * What anyone may make the hub keep as persisted queries: a document each (at most
 * MAX_DOCUMENT_BYTES), the oldest registered going first past either ceiling.
 */
const PERSISTED_QUERIES: Bound = { group: "apq", maxEntries: 10_000, maxBytes: 32 * 1024 * 1024 };

/** Apollo's persisted-query cache over the shared state (its TTL is ignored: a hash names one document forever). */
function persistedQueryCache(shared: SharedState): KeyValueCache<string> {
  const ttl = 7 * 24 * 3600;
  return {
    get: async (key) => (await shared.get(`apq:${key}`)) ?? undefined,
    set: (key, value) => shared.set(`apq:${key}`, value, ttl, PERSISTED_QUERIES),
    delete: async (key) => {
      await shared.delete(`apq:${key}`);
    },
  };
}

/**
 * The hub's HTTP server: GraphQL (GET and POST) and GraphiQL at /graphql, GraphiQL
 * at /, health at /healthz and /readyz. Every response carries the request id and
 * the security headers; /graphql answers CORS, is rate limited per client, and runs
 * each operation under its limits and deadline.
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { http, limits, rateLimit } = options.settings;
  const shared = options.shared ?? new MemoryState();
  const metrics = options.metrics ?? new HubMetrics(() => poolStats(options.dataSource));
  const app = Fastify({
    loggerInstance: options.logger,
    // Keep a caller's request id (from a load balancer or a client) so logs join up.
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: trustedHops(http.trustProxy),
    bodyLimit: http.bodyLimitBytes,
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    // An idle socket is closed after this long; a slow client cannot hold one open.
    connectionTimeout: http.requestTimeoutMs,
    // Late arrivals during shutdown get 503 with `Connection: close`; idle kept-alive sockets are closed.
    return503OnClosing: true,
    forceCloseConnections: "idle",
  });
  // The hub listens through its connection gate (connection-gate.ts), which enforces these per connection;
  // Node's own checks hold for a server that listens by itself.
  app.server.headersTimeout = http.headersTimeoutMs;
  app.server.maxConnections = http.maxConnections;
  const readiness = new ReadinessProbe(options.dataSource, app.log);

  app.addHook("onSend", async (request, reply) => {
    // An error is about this request: no cache may keep it and answer the next one with it.
    if (reply.statusCode >= 400) void reply.header("cache-control", "no-store");
    void reply.header("x-request-id", request.id);
    void reply.header("x-content-type-options", "nosniff");
    void reply.header("referrer-policy", "no-referrer");
  });
  // A body over the limit, or one that is not JSON: the client's mistake, said in GraphQL's error shape.
  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    // The database's state, on any route (a key's lookup, an export): 503, so clients and load balancers retry.
    const fault = databaseFault(error);
    if (fault !== null) {
      if (fault === "STORAGE_FULL") readiness.noteStorageFull();
      return reply
        .code(503)
        .type(JSON_TYPE)
        .header("retry-after", String(RETRY_AFTER_SECONDS))
        .send(graphqlErrorBody(UNAVAILABLE_MESSAGES[fault], { code: fault }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      return reply
        .code(500)
        .type(JSON_TYPE)
        .send(graphqlErrorBody("Internal server error", { code: "INTERNAL_SERVER_ERROR" }));
    }
    const tooLarge = error.code === "FST_ERR_CTP_BODY_TOO_LARGE";
    const extensions = tooLarge
      ? { code: "OPERATION_LIMIT_EXCEEDED", limit: "bodyBytes", maximum: http.bodyLimitBytes }
      : { code: "BAD_REQUEST" };
    const message = tooLarge ? `The request body is over the limit of ${http.bodyLimitBytes} bytes (BODY_LIMIT_BYTES).` : error.message;
    return reply.code(status).type(JSON_TYPE).send(graphqlErrorBody(message, extensions));
  });

  const apollo = createApolloServer({
    logger: options.logger,
    factsCompleteUntil: options.factsCompleteUntil,
    limits,
    cacheMaxAgeSeconds: options.settings.cacheMaxAgeSeconds,
    introspection: options.settings.introspection,
    persistedQueries: persistedQueryCache(shared),
    limitObserver: { measured: (cost) => metrics.cost.observe(cost), refused: (limit) => metrics.refusals.inc({ limit }) },
    onDatabaseFault: (fault) => {
      if (fault === "STORAGE_FULL") readiness.noteStorageFull();
    },
  });
  await apollo.start();
  // fastify.close() stops accepting and lets in-flight requests finish; only then is Apollo stopped.
  app.addHook("onClose", async () => {
    await apollo.stop();
  });

  // Turns to execute, one queue for GraphQL and the exports.
  const admission = new Admission(limits.maxInFlight, limits.maxQueued);
  const calendar = (today: IsoDate) => calendarFor(options.factsCompleteUntil(), today, options.settings.calendarYearsAhead);
  const now = options.now ?? (() => new Date());
  const authenticator = new Authenticator(options.dataSource.manager, (error) =>
    app.log.warn({ err: error }, "could not record an API key's last use"),
  );
  const hub = new LiveHub(shared, app.log, metrics);
  const live = serveSubscriptions({
    app,
    schema: buildHubSchema(),
    dataSource: options.dataSource,
    hub,
    authenticator,
    limits,
    live: { ...LIVE_LIMITS, ...options.live },
    calendar,
    now,
    metrics,
    trustProxy: http.trustProxy,
  });
  app.decorate("closeSubscriptions", () => live.close());
  // Webhooks may not point at this hub: it learns its ports as it listens (through its gate, or app.listen).
  allowWebhookTargets(options.dataSource.manager, { allowLoopbackHttp: options.settings.webhooks.allowLoopbackHttp });
  app.server.on("listening", () => {
    const address = app.server.address();
    if (address !== null && typeof address === "object") allowWebhookTargets(options.dataSource.manager, { hubPort: address.port });
  });
  app.addHook("onClose", async () => live.close());
  const graphql = graphqlRoute({
    admission,
    apollo,
    dataSource: options.dataSource,
    limits,
    cacheMaxAgeSeconds: options.settings.cacheMaxAgeSeconds,
    calendar,
    shared,
    metrics,
    ...(options.now ? { now: options.now } : {}),
    announce: (events) => hub.announce(events),
    ...(options.afterWrite ? { afterWrite: options.afterWrite } : {}),
  });
  const { page } = registerGraphiQL(app);
  const sendPage = (reply: FastifyReply) =>
    reply.type("text/html; charset=utf-8").header("content-security-policy", GRAPHIQL_CSP).header("x-frame-options", "DENY").send(page);

  await app.register(async (api) => {
    registerCors(api, http.corsOrigins);
    api.addHook("onRequest", authenticationHook(authenticator, shared));
    if (rateLimit) api.addHook("onRequest", rateLimitHook(shared, rateLimit, metrics));
    api.get("/graphql", async (request, reply) => (wantsGraphiQL(request) ? sendPage(reply) : graphql(request, reply)));
    api.post("/graphql", graphql);
    live.register(api);
    api.get(
      "/export/:file",
      exportRoute({
        dataSource: options.dataSource,
        admission,
        timeoutMs: limits.timeoutMs,
        rowLimits: options.settings.exportRowLimits,
        calendar,
        ...(options.now ? { now: options.now } : {}),
      }),
    );
  });
  app.get("/", async (_request, reply) => sendPage(reply));
  registerDashboard(app);

  app.get("/healthz", async () => ({ status: "ok" }));
  await readiness.start();
  app.addHook("onClose", async () => readiness.stop());
  app.get("/readyz", async (_request, reply) => {
    if (options.closing?.()) return reply.code(503).header("retry-after", "5").send({ status: "not ready", reason: "shutting down" });
    const state = readiness.current();
    if (state.ready) return { status: "ready", sharedState: shared.mode() };
    return reply.code(503).header("retry-after", "5").send({ status: "not ready", reason: state.reason });
  });
  return app;
}

/** Prometheus metrics on their own port (METRICS_PORT), so they need not face the internet with the API. */
export async function createMetricsServer(metrics: HubMetrics, logger: FastifyBaseLogger): Promise<FastifyInstance> {
  // No line per scrape (Fastify 5.12 deprecates its top-level disableRequestLogging for this).
  const app = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }) });
  app.get("/metrics", async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));
  return app;
}
