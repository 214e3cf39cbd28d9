import type { FastifyReply, FastifyRequest } from "fastify";
import { PUBLIC_VIEWER } from "../core/viewer";
import type { Viewer } from "../core/viewer";
import type { Authenticator } from "../modules/access";
import { graphqlErrorBody } from "./error-body";

declare module "fastify" {
  interface FastifyRequest {
    /** Who asks: PUBLIC without a key. Set by the authentication hook before anything else runs. */
    viewer: Viewer;
  }
}

/**
 * Reads the API key before rate limiting and GraphQL: no header is PUBLIC; a key
 * that is unknown, revoked or expired is 401 UNAUTHENTICATED for any operation (a
 * client that sends a key expects it to count, and one message for every cause says
 * nothing about which keys exist). Preflights carry no key.
 */
export function authenticationHook(authenticator: Authenticator) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    request.viewer = PUBLIC_VIEWER;
    if (request.method === "OPTIONS") return undefined;
    const verdict = await authenticator.authenticate(request.headers.authorization);
    if (verdict === null) return undefined;
    if (verdict.ok) {
      request.viewer = verdict.viewer;
      return undefined;
    }
    return reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="near-data-hub", error="invalid_token"')
      .header("cache-control", "no-store")
      .type("application/json; charset=utf-8")
      .send(graphqlErrorBody(verdict.message, { code: "UNAUTHENTICATED" }));
  };
}
