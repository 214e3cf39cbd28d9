import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestContext } from "../core/context";
import { cachePolicyOf } from "./cache-policy";

/**
 * Turns an operation's cache policy into `Cache-Control`: `public, max-age=N` for a
 * query that read only public fields, asked without credentials, answered without
 * errors; `no-store` for everything else. The HTTP layer reads this header to decide
 * what its response cache may keep and what a GET may tell CDNs.
 */
export function cacheControlPlugin(defaultMaxAge: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, operation, schema, request }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          const anonymous = !request.http?.headers.get("authorization");
          const policy = document && operation ? cachePolicyOf(schema, document, operation, defaultMaxAge) : null;
          const cacheable = policy !== null && policy.scope === "PUBLIC" && policy.maxAge > 0 && anonymous && !errors?.length;
          response.http.headers.set("cache-control", cacheable ? `public, max-age=${policy.maxAge}` : "no-store");
        },
      };
    },
  };
}
