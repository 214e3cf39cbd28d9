import type { FastifyInstance } from "fastify";

/**
 * What a partner page may send: JSON bodies, GraphQL's response type, a language, a key,
 * a request id, and the ETag it holds (`If-None-Match`, answered 304 when unchanged).
 */
const ALLOWED_HEADERS = "content-type, accept, accept-language, authorization, x-request-id, if-none-match";
/** What a partner page may read besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = "etag, retry-after, x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset";
/** A browser may reuse a preflight's answer for a day. */
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

/**
 * CORS for the API: `*` (the read API is public and the hub sets no cookies, so no
 * request carries ambient credentials: docs/security.md) or a list of origins, each
 * answered with itself and `Vary: Origin`. Preflights get 204 at once.
 */
export function registerCors(api: FastifyInstance, origins: "*" | readonly string[]): void {
  const allowed = origins === "*" ? null : new Set(origins);
  const allowOrigin = (origin: string | undefined): string | null => {
    if (allowed === null) return "*";
    return origin !== undefined && allowed.has(origin) ? origin : null;
  };

  api.addHook("onRequest", async (request, reply) => {
    const origin = allowOrigin(request.headers.origin);
    if (allowed !== null) void reply.header("vary", "Origin");
    if (origin === null) return;
    void reply.header("access-control-allow-origin", origin);
    void reply.header("access-control-expose-headers", EXPOSED_HEADERS);
  });
  // Every route a page may call with a key (a non-safelisted header): GraphQL, its subscriptions' stream, the CSV exports.
  for (const [path, methods] of [
    ["/graphql", "GET, POST, OPTIONS"],
    ["/graphql/stream", "GET, POST, OPTIONS"],
    ["/export/:file", "GET, OPTIONS"],
  ] as const) {
    api.options(path, async (request, reply) => {
      if (allowOrigin(request.headers.origin) !== null) {
        void reply
          .header("access-control-allow-methods", methods)
          .header("access-control-allow-headers", ALLOWED_HEADERS)
          .header("access-control-max-age", String(PREFLIGHT_MAX_AGE_SECONDS));
      }
      return reply.code(204).send();
    });
  }
}
