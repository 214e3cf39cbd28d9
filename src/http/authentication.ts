import type { FastifyReply, FastifyRequest } from "fastify";
import { PUBLIC_VIEWER } from "../core/viewer";
import type { Viewer } from "../core/viewer";
import type { Authenticator } from "../modules/access";
import { graphqlErrorBody } from "./error-body";
import type { SharedState } from "./shared-state";

/**
 * Keys an address may get wrong before its lookups wait: each wrong key is a lookup in
 * the database, so guessing costs the guesser time, not the hub. Then one a while.
 */
const FAILED_KEYS_BURST = 10;
const FAILED_KEYS_PER_SECOND = 0.1;

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
 * nothing about which keys exist). Preflights carry no key. An address that sent
 * FAILED_KEYS_BURST wrong keys gets 429 without a lookup until its allowance refills.
 */
export function authenticationHook(authenticator: Authenticator, shared: SharedState) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    request.viewer = PUBLIC_VIEWER;
    if (request.method === "OPTIONS" || request.headers.authorization === undefined) return undefined;
    const waiting = await shared.get(`authwait:${request.ip}`);
    if (waiting !== null) {
      return reply
        .code(429)
        .header("retry-after", waiting)
        .type("application/json; charset=utf-8")
        .send(
          graphqlErrorBody(`Too many wrong API keys from this address: the next one is looked up in ${waiting} s.`, {
            code: "RATE_LIMITED",
            retryAfterSeconds: Number(waiting),
          }),
        );
    }
    const verdict = await authenticator.authenticate(request.headers.authorization);
    if (verdict === null) return undefined;
    if (verdict.ok) {
      request.viewer = verdict.viewer;
      return undefined;
    }
    // The last wrong key of the allowance starts the wait: the next one is not looked up.
    const allowance = await shared.takeToken(`authfail:${request.ip}`, FAILED_KEYS_BURST, FAILED_KEYS_PER_SECOND);
    if (!allowance.allowed || allowance.remaining === 0) {
      const seconds = Math.max(allowance.retryAfterSeconds, Math.ceil(1 / FAILED_KEYS_PER_SECOND));
      await shared.set(`authwait:${request.ip}`, String(seconds), seconds);
    }
    return reply
      .code(401)
      .header("www-authenticate", 'Bearer realm="near-data-hub", error="invalid_token"')
      .header("cache-control", "no-store")
      .type("application/json; charset=utf-8")
      .send(graphqlErrorBody(verdict.message, { code: "UNAUTHENTICATED" }));
  };
}
