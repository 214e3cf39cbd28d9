import { GraphQLError } from "graphql";
import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { ErrorCode, InputError } from "../core/errors";

/** Codes a client may see with their message intact; anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(ErrorCode),
]);

/**
 * Apollo's error formatter. Coded errors pass; every other error reaches the
 * client as INTERNAL_SERVER_ERROR with no detail (the log has it whole, see
 * the error-logging plugin). A literal that one of our scalars refused is
 * reported by validation; it keeps its BAD_USER_INPUT code here.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A resolver's InputError is wrapped once; a scalar's, caught by validation, sits in `originalError`.
  const input = [unwrapResolverError(error), error instanceof GraphQLError ? error.originalError : undefined].find(
    (e) => e instanceof InputError,
  );
  if (input instanceof InputError) {
    return { ...formatted, extensions: { ...formatted.extensions, ...input.extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  const code = formatted.extensions?.["code"];
  if (typeof code === "string" && PUBLIC_CODES.has(code)) return formatted;
  return {
    message: "Internal server error",
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Whether an error is one the hub did not expect: those are logged with their stack. */
export function isUnexpected(error: GraphQLError): boolean {
  const code = error.extensions?.["code"];
  const original = error.originalError;
  if (original && !(original instanceof GraphQLError)) return true;
  return typeof code !== "string" || !PUBLIC_CODES.has(code);
}
