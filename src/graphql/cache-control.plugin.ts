import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { RequestContext } from "../core/context";
import { cachePolicyOf } from "./cache-policy";

/** `Cache-Control` of an answer to an operation: public only for public fields, asked without credentials, answered without errors. */
function cacheControlOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  defaultMaxAge: number,
  answer: { anonymous: boolean; errors: number },
): string {
  const policy = cachePolicyOf(schema, document, operation, defaultMaxAge);
  const cacheable = policy.scope === "PUBLIC" && policy.maxAge > 0 && answer.anonymous && answer.errors === 0;
  return cacheable ? `public, max-age=${policy.maxAge}` : "no-store";
}

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
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors?.length ?? 0) : 0;
          const anonymous = !request.http?.headers.get("authorization");
          const value =
            document && operation ? cacheControlOf(schema, document, operation, defaultMaxAge, { anonymous, errors }) : "no-store";
          response.http.headers.set("cache-control", value);
        },
      };
    },
  };
}
