import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { GraphQLError, getOperationAST, parse, specifiedRules, validate } from "graphql";
import type { DocumentNode, ExecutionArgs, GraphQLSchema } from "graphql";
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { createHandler } from "graphql-sse/lib/use/fastify";
import type { DataSource } from "typeorm";
import { WebSocketServer } from "ws";
import type { WebSocket } from "ws";
import type { Calendar } from "../charter";
import type { OperationLimits, TrustProxy } from "../config";
import type { RequestContext } from "../core/context";
import { todayUtc } from "../core/dates";
import type { IsoDate } from "../core/dates";
import { ErrorCode } from "../core/errors";
import { LIVE_CHANNEL, parseLiveEvent } from "../core/live-event";
import type { LiveEvent, LiveEventKind, LiveFeed } from "../core/live-event";
import { LoaderRegistry } from "../core/loaders";
import { PUBLIC_VIEWER } from "../core/viewer";
import type { Viewer } from "../core/viewer";
import { createRequestContext } from "../graphql/context";
import { checkOperation, measureOperation } from "../graphql/operation-limits";
import type { Authenticator } from "../modules/access";
import type { LiveContext } from "../modules/live";
import type { HubMetrics } from "./metrics";
import type { SharedState } from "./shared-state";
import { clientAddressOf } from "./trust";

/** What one client may hold open, and how far behind a subscriber may fall. */
export interface LiveLimits {
  /** WebSocket connections one client holds at once: a key's, or an address's without one. */
  maxConnectionsPerClient: number;
  /** Subscriptions one client holds at once, over every transport: a key's, or an address's without one. */
  maxSubscriptionsPerClient: number;
  /** Events waiting for a subscriber that does not read: past it, the subscriber is closed. */
  maxQueuedEvents: number;
  /** WebSocket pings; a peer that misses one is closed. */
  keepAliveMs: number;
  /** The first WebSocket message (connection_init) must come within this. */
  initTimeoutMs: number;
}

export const LIVE_LIMITS: LiveLimits = {
  maxConnectionsPerClient: 10,
  maxSubscriptionsPerClient: 20,
  maxQueuedEvents: 256,
  keepAliveMs: 12_000,
  initTimeoutMs: 3_000,
};

/** RFC 6455's codes for what graphql-ws has none for: a subscriber too slow to read (1008), a client over its connections (1013). */
const TOO_SLOW = 1008;
const TRY_AGAIN_LATER = 1013;
/** graphql-ws's: the server is going away (a shutdown). */
const GOING_AWAY = 1001;

/**
 * Committed changes, heard by this replica: its own writes' and, through the shared
 * state's broadcast (Redis pub/sub when REDIS_URL is set), every other replica's.
 */
export class LiveHub {
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly stopListening: () => void;

  constructor(
    private readonly shared: SharedState,
    private readonly log: FastifyBaseLogger,
    private readonly metrics: HubMetrics,
  ) {
    this.stopListening = shared.listen(LIVE_CHANNEL, (message) => {
      const event = parseLiveEvent(message);
      if (event === null) return;
      for (const listener of this.listeners) listener(event);
    });
  }

  /** Tells every replica of `events`, once committed. A broadcast that fails is logged: the write stands. */
  async announce(events: readonly LiveEvent[]): Promise<void> {
    for (const event of events) {
      await this.shared.broadcast(LIVE_CHANNEL, JSON.stringify(event)).catch((error: unknown) => {
        this.log.warn({ err: error, event: event.id }, "a committed change could not be announced to subscribers");
      });
    }
  }

  /** Listens for events: one listener a subscription, counted while it listens. */
  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    this.metrics.subscriptions.set(this.listeners.size);
    return () => {
      this.listeners.delete(listener);
      this.metrics.subscriptions.set(this.listeners.size);
    };
  }

  close(): void {
    this.stopListening();
    this.listeners.clear();
    this.metrics.subscriptions.set(0);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

type CloseReason = "too-slow" | "revoked" | "unavailable";

interface FeedOptions {
  hub: LiveHub;
  context: Mutable<RequestContext>;
  maxQueued: number;
  /** Whether the subscriber's key still holds (not revoked, not expired): asked before each event. */
  stillAllowed: () => Promise<boolean>;
  now: () => Date;
  calendar: (today: IsoDate) => Calendar;
  /** The subscriber fell `maxQueued` events behind, its key no longer holds, or the key could not be checked: the transport closes it. */
  close: (reason: CloseReason) => void;
}

/**
 * One subscription's events: queued as they come, handed on as the transport asks for
 * the next (graphql-ws and graphql-sse wait for each message to be written before
 * asking). A subscriber that does not read falls behind; past `maxQueued` it is
 * closed, so no reader can make the hub hold its events without end.
 */
class SubscriberFeed implements LiveFeed {
  constructor(private readonly options: FeedOptions) {}

  events(kinds: readonly LiveEventKind[]): AsyncIterable<LiveEvent> {
    const { hub, maxQueued } = this.options;
    const queue: LiveEvent[] = [];
    let waiting: ((result: IteratorResult<LiveEvent>) => void) | null = null;
    let ended = false;
    const end = (): IteratorResult<LiveEvent> => {
      ended = true;
      stop();
      return { value: undefined, done: true };
    };
    const stop = hub.onEvent((event) => {
      if (ended || !kinds.includes(event.kind)) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        void this.handOver().then((ok) => resolve(ok ? { value: event, done: false } : end()));
        return;
      }
      queue.push(event);
      if (queue.length > maxQueued) {
        queue.length = 0;
        end();
        this.options.close("too-slow");
      }
    });
    const next = async (): Promise<IteratorResult<LiveEvent>> => {
      if (ended) return { value: undefined, done: true };
      const event = queue.shift();
      if (event === undefined) return new Promise((resolve) => (waiting = resolve));
      return (await this.handOver()) ? { value: event, done: false } : end();
    };
    return {
      [Symbol.asyncIterator]: () => ({
        next,
        return: async () => {
          const result = end();
          waiting?.(result);
          waiting = null;
          return result;
        },
      }),
    };
  }

  /** Makes the context a fresh request's for the event: the key checked again, new loaders, today's calendar. */
  private async handOver(): Promise<boolean> {
    const { context } = this.options;
    let allowed: boolean;
    try {
      allowed = await this.options.stillAllowed();
    } catch {
      // The database did not answer: nothing is sent that the key might no longer allow.
      this.options.close("unavailable");
      return false;
    }
    if (!allowed) {
      this.options.close("revoked");
      return false;
    }
    const today = todayUtc(this.options.now());
    context.loaders = new LoaderRegistry({ em: context.em, viewer: context.viewer });
    context.today = today;
    context.calendar = this.options.calendar(today);
    return true;
  }
}

export interface LiveServing {
  /** Adds /graphql/stream to the routes that authenticate and rate-limit. */
  register(api: FastifyInstance): void;
  /** Closes every subscription (WebSocket 1001, streams ended): a shutdown's first step, so clients reconnect elsewhere. */
  close(): Promise<void>;
}

export interface LiveServingOptions {
  app: FastifyInstance;
  schema: GraphQLSchema;
  dataSource: DataSource;
  hub: LiveHub;
  authenticator: Authenticator;
  limits: OperationLimits;
  live: LiveLimits;
  calendar: (today: IsoDate) => Calendar;
  now: () => Date;
  metrics: HubMetrics;
  /** The proxies in front of the hub: a WebSocket's client is counted by its address as a request's is. */
  trustProxy: TrustProxy;
}

/** Who holds a subscription: a key, or an address without one. */
const clientOf = (viewer: Viewer, address: string | undefined) =>
  viewer.keyId !== null ? `key:${viewer.keyId}` : `address:${address ?? "?"}`;

function refusal(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/**
 * A subscription request checked as a POST is: the document's size and tokens, the
 * schema's rules, one subscription operation, and the operation limits (cost, depth,
 * aliases, directives). Returns the execution's arguments, or the errors to answer.
 */
function prepare(
  schema: GraphQLSchema,
  limits: OperationLimits,
  calendar: Calendar,
  params: { query?: unknown; operationName?: unknown; variables?: unknown },
): { document: DocumentNode; operationName: string | null; variables: Record<string, unknown> } | GraphQLError[] {
  if (typeof params.query !== "string") return [refusal("Send the subscription's document as `query`.", ErrorCode.BAD_USER_INPUT)];
  const bytes = Buffer.byteLength(params.query);
  if (bytes > limits.maxDocumentBytes) {
    return [
      refusal(`The document is ${bytes} bytes, over the limit of ${limits.maxDocumentBytes}.`, "OPERATION_LIMIT_EXCEEDED", {
        limit: "documentBytes",
        measured: bytes,
        maximum: limits.maxDocumentBytes,
      }),
    ];
  }
  let document: DocumentNode;
  try {
    document = parse(params.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    return [refusal((error as Error).message, "GRAPHQL_PARSE_FAILED")];
  }
  const invalid = validate(schema, document, specifiedRules);
  if (invalid.length > 0) return invalid.map((error) => refusal(error.message, "GRAPHQL_VALIDATION_FAILED"));
  const operationName = typeof params.operationName === "string" ? params.operationName : null;
  const operation = getOperationAST(document, operationName);
  if (!operation)
    return [refusal("Name the operation to run (operationName): the document holds several, or none.", ErrorCode.BAD_USER_INPUT)];
  if (operation.operation !== "subscription") {
    return [refusal(`Only subscriptions are served here; send a ${operation.operation} by POST /graphql.`, "GRAPHQL_VALIDATION_FAILED")];
  }
  const variables =
    params.variables !== null && typeof params.variables === "object" && !Array.isArray(params.variables)
      ? (params.variables as Record<string, unknown>)
      : {};
  const refused = checkOperation(measureOperation(schema, document, operation, variables, calendar), limits);
  if (refused) return [refused];
  return { document, operationName, variables };
}

/**
 * Subscriptions: graphql-ws on WebSocket upgrades of /graphql (what GraphiQL and Apollo
 * Client speak) and graphql-sse at /graphql/stream (for proxies that pass only HTTP).
 * Both check a request as POST /graphql does, hold each client to its number of
 * subscriptions, check its key before every event, and close a subscriber that falls
 * behind.
 */
export function serveSubscriptions(options: LiveServingOptions): LiveServing {
  const { app, schema, dataSource, hub, authenticator, limits, live, metrics } = options;
  const held = new Map<string, number>();
  const connected = new Map<string, number>();
  const take = (client: string): boolean => {
    const count = held.get(client) ?? 0;
    if (count >= live.maxSubscriptionsPerClient) return false;
    held.set(client, count + 1);
    return true;
  };
  const give = (client: string) => {
    const count = (held.get(client) ?? 1) - 1;
    if (count > 0) held.set(client, count);
    else held.delete(client);
  };

  function contextFor(
    viewer: Viewer,
    authorization: string | undefined,
    acceptLanguage: string | undefined,
    requestId: string,
    close: FeedOptions["close"],
  ): LiveContext {
    const now = options.now();
    const context = createRequestContext({
      em: dataSource.manager,
      viewer,
      acceptLanguage,
      requestId,
      now,
      calendar: options.calendar(todayUtc(now)),
    }) as Mutable<RequestContext>;
    const stillAllowed = async () => {
      if (authorization === undefined || viewer.keyId === null) return true;
      const verdict = await authenticator.authenticate(authorization);
      return verdict?.ok === true && verdict.viewer.keyId === viewer.keyId;
    };
    const feed = new SubscriberFeed({
      hub,
      context,
      maxQueued: live.maxQueuedEvents,
      stillAllowed,
      now: options.now,
      calendar: options.calendar,
      close: (reason) => {
        metrics.subscribersClosed.inc({ reason });
        close(reason);
      },
    });
    return Object.assign(context, { live: feed });
  }

  // WebSocket: graphql-ws over `ws`, on upgrades of /graphql only.
  interface SocketExtra extends Record<PropertyKey, unknown> {
    socket: WebSocket;
    request: IncomingMessage;
    viewer?: Viewer;
    authorization?: string;
    client?: string;
    subscriptions?: Set<string>;
    /** Counted among its client's connections: given back when it closes. */
    counted?: boolean;
  }
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxDocumentBytes + 64 * 1024,
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? "/", "http://hub.invalid").pathname;
    if (path !== "/graphql") {
      socket.end("HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit("connection", ws, request));
  };
  app.server.on("upgrade", onUpgrade);
  const wsServer = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      connectionInitWaitTimeout: live.initTimeoutMs,
      onConnect: async (ctx) => {
        // A browser cannot set headers on a WebSocket: the key comes in connection_init's payload, or a header.
        const given = ctx.connectionParams?.["authorization"] ?? ctx.connectionParams?.["Authorization"];
        const authorization = typeof given === "string" ? given : ctx.extra.request.headers.authorization;
        let viewer = PUBLIC_VIEWER;
        if (authorization !== undefined) {
          const verdict = await authenticator.authenticate(authorization);
          if (verdict === null || !verdict.ok) {
            ctx.extra.socket.close(CloseCode.Forbidden, "The API key is not valid: it is unknown, revoked or expired.");
            return false;
          }
          viewer = verdict.viewer;
          ctx.extra.authorization = authorization;
        }
        const client = clientOf(viewer, clientAddressOf(ctx.extra.request, options.trustProxy));
        const connections = connected.get(client) ?? 0;
        if (connections >= live.maxConnectionsPerClient) {
          ctx.extra.socket.close(TRY_AGAIN_LATER, `This client holds ${live.maxConnectionsPerClient} connections already.`);
          return false;
        }
        connected.set(client, connections + 1);
        ctx.extra.counted = true;
        ctx.extra.viewer = viewer;
        ctx.extra.client = client;
        ctx.extra.subscriptions = new Set();
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const extra = ctx.extra;
        const viewer = extra.viewer ?? PUBLIC_VIEWER;
        const prepared = prepare(schema, limits, options.calendar(todayUtc(options.now())), payload);
        if (Array.isArray(prepared)) return prepared;
        if (!take(extra.client!)) {
          return [
            refusal(
              `This client holds ${live.maxSubscriptionsPerClient} subscriptions already: complete one before starting another.`,
              "OPERATION_LIMIT_EXCEEDED",
              { limit: "subscriptions", maximum: live.maxSubscriptionsPerClient },
            ),
          ];
        }
        extra.subscriptions!.add(id);
        const contextValue = contextFor(viewer, extra.authorization, extra.request.headers["accept-language"], `ws-${id}`, (reason) => {
          if (reason === "too-slow")
            extra.socket.close(TOO_SLOW, `Too slow: more than ${live.maxQueuedEvents} events were waiting to be read.`);
          else if (reason === "revoked") extra.socket.close(CloseCode.Forbidden, "The API key was revoked or expired.");
          else extra.socket.close(CloseCode.InternalServerError, "The API key could not be checked: reconnect.");
        });
        const args: ExecutionArgs = {
          schema,
          document: prepared.document,
          operationName: prepared.operationName,
          variableValues: prepared.variables,
          contextValue,
        };
        return args;
      },
      onComplete: (ctx, id) => {
        if (ctx.extra.subscriptions?.delete(id)) give(ctx.extra.client!);
      },
      onClose: (ctx) => {
        for (const _ of ctx.extra.subscriptions ?? []) give(ctx.extra.client!);
        ctx.extra.subscriptions?.clear();
        if (ctx.extra.counted) {
          const left = (connected.get(ctx.extra.client!) ?? 1) - 1;
          if (left > 0) connected.set(ctx.extra.client!, left);
          else connected.delete(ctx.extra.client!);
        }
      },
    },
    sockets,
    live.keepAliveMs,
  );
  // After useServer, which sets its own: the handshake takes the client's subprotocol even when it is not
  // graphql-ws's, so graphql-ws closes with its code (4406) and the client learns why, rather than failing the handshake.
  sockets.options.handleProtocols = (offered: Set<string>) =>
    offered.has(GRAPHQL_TRANSPORT_WS_PROTOCOL) ? GRAPHQL_TRANSPORT_WS_PROTOCOL : ([...offered][0] ?? false);

  // Server-Sent Events: graphql-sse's distinct connections, a stream a request (an EventSource's GET, or a POST).
  const streams = new Set<FastifyReply>();
  const sse = createHandler<Record<PropertyKey, unknown>>({
    schema,
    // Distinct connections only: each stream is its own request, authenticated as every request is.
    authenticate: () => null,
    onSubscribe: async (request, params) => {
      const prepared = prepare(schema, limits, options.calendar(todayUtc(options.now())), params);
      const fastifyRequest = request.raw;
      const reply = request.context.reply;
      if (Array.isArray(prepared)) {
        return [
          JSON.stringify({ errors: prepared.map((error) => error.toJSON()) }),
          { status: 400, statusText: "Bad Request", headers: { "content-type": "application/json; charset=utf-8" } },
        ];
      }
      const client = clientOf(fastifyRequest.viewer, fastifyRequest.ip);
      if (!take(client)) {
        const error = refusal(
          `This client holds ${live.maxSubscriptionsPerClient} subscriptions already: close one before opening another.`,
          "OPERATION_LIMIT_EXCEEDED",
          { limit: "subscriptions", maximum: live.maxSubscriptionsPerClient },
        );
        return [
          JSON.stringify({ errors: [error.toJSON()] }),
          { status: 429, statusText: "Too Many Requests", headers: { "content-type": "application/json; charset=utf-8" } },
        ];
      }
      reply.raw.once("close", () => give(client));
      const contextValue = contextFor(
        fastifyRequest.viewer,
        fastifyRequest.headers.authorization,
        fastifyRequest.headers["accept-language"],
        fastifyRequest.id,
        () => reply.raw.destroy(),
      );
      return {
        schema,
        document: prepared.document,
        operationName: prepared.operationName,
        variableValues: prepared.variables,
        contextValue: contextValue as unknown as Record<PropertyKey, unknown>,
      };
    },
  });
  const stream = async (request: FastifyRequest, reply: FastifyReply) => {
    streams.add(reply);
    reply.raw.once("close", () => streams.delete(reply));
    // A stream may be quiet for long: graphql-sse's own pings keep it, not the server's idle timeout.
    request.raw.socket.setTimeout(0);
    reply.hijack();
    try {
      await sse(request, reply);
    } catch (error) {
      request.log.warn({ err: error }, "a subscription stream failed");
      reply.raw.destroy();
    }
  };

  let closed: Promise<void> | null = null;
  return {
    register: (api: FastifyInstance) => {
      api.get("/graphql/stream", stream);
      api.post("/graphql/stream", stream);
    },
    close: () => {
      closed ??= (async () => {
        app.server.off("upgrade", onUpgrade);
        for (const client of sockets.clients) client.close(GOING_AWAY, "The hub is shutting down: reconnect.");
        for (const reply of streams) reply.raw.end();
        await wsServer.dispose();
        hub.close();
      })();
      return closed;
    },
  };
}
