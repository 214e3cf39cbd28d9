import { ApolloServer } from "@apollo/server";
import type { ApolloServerPlugin } from "@apollo/server";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { FastifyBaseLogger } from "fastify";
import type { OperationLimits } from "../config";
import type { RequestContext } from "../core/context";
import type { IsoDate } from "../core/dates";
import { cacheControlPlugin } from "./cache-control.plugin";
import { databaseFault, formatError, isUnexpected } from "./errors";
import { httpStatusPlugin } from "./http-status.plugin";
import { OperationTypeSupported, operationLimitsPlugin } from "./limits.plugin";
import type { LimitObserver } from "./limits.plugin";
import { buildHubSchema } from "./schema";
import { jitExecutionGateway } from "./executor";
import { temporalPlugin } from "./temporal.plugin";

export interface HubApolloOptions {
  logger: FastifyBaseLogger;
  /** The facts horizon every response reports; read by the caller, never per request. */
  factsCompleteUntil: () => IsoDate;
  limits: OperationLimits;
  /** Seconds public answers may be cached; 0: never. */
  cacheMaxAgeSeconds: number;
  introspection: boolean;
  /** Where automatic persisted queries are kept (this process, or Redis for many replicas). */
  persistedQueries?: KeyValueCache<string>;
  limitObserver?: LimitObserver;
  /** Told of every error that is the database's state (readiness listens for a full disk). */
  onDatabaseFault?: (fault: NonNullable<ReturnType<typeof databaseFault>>) => void;
  /** More plugins: every GraphQL request passes through Apollo's pipeline, so they see them all. */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/** Every response says how far the records reach, so no one mistakes 2020's facts for today's. */
function horizonExtension(factsCompleteUntil: () => IsoDate): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              factsCompleteUntil: factsCompleteUntil(),
            };
          }
        },
      };
    },
  };
}

/** Logs unexpected errors whole (the client only sees them masked); a client's mistakes are not logged as errors. */
function errorLogging(logger: FastifyBaseLogger, onDatabaseFault: HubApolloOptions["onDatabaseFault"]): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const fault = databaseFault(error.originalError);
            if (fault !== null) onDatabaseFault?.(fault);
          }
          for (const error of errors.filter(isUnexpected)) {
            logger.error(
              { err: error.originalError ?? error, requestId: contextValue.requestId, operationName, path: error.path },
              "unexpected error",
            );
          }
        },
      };
    },
  };
}

const IGNORE_LIMITS: LimitObserver = { measured: () => {}, refused: () => {} };

export function createApolloServer(options: HubApolloOptions): ApolloServer<RequestContext> {
  const schema = buildHubSchema();
  const observer = options.limitObserver ?? IGNORE_LIMITS;
  return new ApolloServer<RequestContext>({
    // The hub's schema, executed by graphql-jit (executor.ts).
    gateway: jitExecutionGateway(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    // No "Did you mean …?": the schema is public through introspection, but error
    // messages do not walk a stranger through it.
    hideSchemaDetailsFromClientErrors: true,
    introspection: options.introspection,
    parseOptions: { maxTokens: options.limits.maxTokens },
    validationRules: [OperationTypeSupported],
    ...(options.persistedQueries ? { persistedQueries: { cache: options.persistedQueries, ttl: null } } : {}),
    // Reads are public and writes will authenticate with a header, never a cookie,
    // so there is no ambient credential to forge; partner sites need plain GETs.
    csrfPrevention: false,
    // main owns shutdown: the HTTP server drains first, then Apollo stops.
    stopOnTerminationSignals: false,
    plugins: [
      // The hub serves its own offline GraphiQL; Apollo's landing page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's own cache-control plugin hooks every resolved field; the policy here is
      // computed once per document (cache-control.plugin.ts), so it would only cost.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo installs its federated-tracing plugin (inert outside a subgraph) unless told
      // not to, and loading it loads Apollo's usage-reporting protobuf code, kept in the
      // heap for nothing. When the hub becomes a Federation subgraph, decide here
      // whether its gateway should receive traces.
      ApolloServerPluginInlineTraceDisabled(),
      operationLimitsPlugin(options.limits, observer),
      temporalPlugin(),
      horizonExtension(options.factsCompleteUntil),
      errorLogging(options.logger, options.onDatabaseFault),
      httpStatusPlugin(),
      cacheControlPlugin(options.cacheMaxAgeSeconds),
      ...(options.plugins ?? []),
    ],
  });
}
