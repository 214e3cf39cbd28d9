import { GraphQLError } from "graphql";
import type { ValidationRule } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { OperationLimits } from "../config";
import type { RequestContext } from "../core/context";
import { checkOperation, measureOperation } from "./operation-limits";

export interface LimitObserver {
  /** Every operation's measure, for the cost histogram. */
  measured(cost: number): void;
  /** A refusal, by limit name. */
  refused(limit: string): void;
}

/**
 * Enforces the operation limits after validation and before execution, with the
 * request's variables (a page size given as a variable prices like a literal one).
 */
export function operationLimitsPlugin(limits: OperationLimits, observer: LimitObserver): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables ?? {}, contextValue.calendar);
          observer.measured(measure.cost);
          const refusal = checkOperation(measure, limits);
          if (refusal) {
            observer.refused(String(refusal.extensions["limit"]));
            throw refusal;
          }
        },
      };
    },
  };
}

/**
 * Over HTTP a request is a query or a mutation: a subscription sent there (or an
 * operation type the schema lacks) is the client's mistake, a validation error (HTTP
 * 400) that says where subscriptions are served, not a failure in execution.
 */
export const OperationTypeSupported: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === "subscription") {
      context.reportError(
        new GraphQLError(
          "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql and over Server-Sent Events at /graphql/stream, not by GET or POST: see docs/live.md.",
          { nodes: node },
        ),
      );
    } else if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${node.operation} operations: send a query or a mutation.`, { nodes: node }));
    }
  },
});
