import { ApolloServer } from "@apollo/server";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { FastifyBaseLogger } from "fastify";
import type { RequestContext } from "../core/context";
import type { IsoDate } from "../core/dates";
import { formatError, isUnexpected } from "./errors";
import { buildHubSchema } from "./schema";

export interface HubApolloOptions {
  logger: FastifyBaseLogger;
  /** The facts horizon every response reports; read by the caller, never per request. */
  factsCompleteUntil: () => IsoDate;
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

/** Logs unexpected errors whole (the client only sees them masked). */
function errorLogging(logger: FastifyBaseLogger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
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

export function createApolloServer(options: HubApolloOptions): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema: buildHubSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // Reads are public and writes will authenticate with a header, never a cookie,
    // so there is no ambient credential to forge; partner sites need plain GETs.
    csrfPrevention: false,
    // main owns shutdown: the HTTP server drains first, then Apollo stops.
    stopOnTerminationSignals: false,
    plugins: [
      // The hub serves its own offline GraphiQL; Apollo's landing page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      horizonExtension(options.factsCompleteUntil),
      errorLogging(options.logger),
      ...(options.plugins ?? []),
    ],
  });
}
