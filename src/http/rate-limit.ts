import type { FastifyReply, FastifyRequest } from "fastify";
import type { RateLimitSettings } from "../config";
import { graphqlErrorBody } from "./error-body";
import type { HubMetrics } from "./metrics";
import type { SharedState } from "./shared-state";

/**
 * A token bucket per client: per API key for a keyed caller (PARTNER_RATE_FACTOR
 * times the public allowance, whatever address it comes from), per address for the
 * public (the proxy's `X-Forwarded-For` when TRUST_PROXY is on): BURST requests at
 * once, PER_SECOND more each second, shared by every replica through Redis. Answers carry the IETF draft's `RateLimit-*` headers; a
 * refusal is 429 with `Retry-After`. Preflights are not counted.
 */
export function rateLimitHook(shared: SharedState, settings: RateLimitSettings, metrics: HubMetrics) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method === "OPTIONS") return undefined;
    const keyed = request.viewer.keyId !== null;
    const factor = keyed ? settings.keyedFactor : 1;
    const burst = settings.burst * factor;
    const perSecond = settings.perSecond * factor;
    const bucket = keyed ? `key:${request.viewer.keyId}` : `ip:${request.ip}`;
    const verdict = await shared.takeToken(bucket, burst, perSecond);
    void reply
      .header("ratelimit-limit", String(burst))
      .header("ratelimit-remaining", String(verdict.remaining))
      .header("ratelimit-reset", String(verdict.resetSeconds));
    if (verdict.allowed) return undefined;
    metrics.rateLimited.inc();
    return reply
      .code(429)
      .header("retry-after", String(verdict.retryAfterSeconds))
      .header("cache-control", "no-store")
      .type("application/json; charset=utf-8")
      .send(
        graphqlErrorBody(
          `Too many requests: ${burst} at once and ${perSecond} a second per ${keyed ? "API key" : "client"}. Retry after ${verdict.retryAfterSeconds} s.`,
          { code: "RATE_LIMITED", retryAfterSeconds: verdict.retryAfterSeconds },
        ),
      );
  };
}
