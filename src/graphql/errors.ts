import { GraphQLError } from "graphql";
import type { GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { DeadlineExceededError, ErrorCode, InputError } from "../core/errors";
import { LIMIT_SETTINGS } from "./operation-limits";

/** Codes a client may see with their message intact; anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
  ...Object.values(ErrorCode),
]);

/** Connection-level failures of `pg` and PostgreSQL: the database is away, not the request wrong. */
const UNAVAILABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);
/** SQLSTATE: connection exceptions (class 08), shutdown and start-up (57P01-57P03), too many connections (53300). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
/** SQLSTATE 57014: the server cancelled the statement (statement_timeout). */
const CANCELLED_SQLSTATE = "57014";
/** SQLSTATE 53100 (disk_full), or the file system's ENOSPC where the database runs in the process. */
const STORAGE_FULL = /^(53100|ENOSPC)$/;

/** What went wrong with the database, as the client should hear it; null when it is not the database's state. */
export function databaseFault(error: unknown): "TIMEOUT" | "SERVICE_UNAVAILABLE" | "STORAGE_FULL" | null {
  if (error instanceof DeadlineExceededError) return "TIMEOUT";
  if (!(error instanceof Error)) return null;
  const code = (error as { driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  if ((typeof code === "string" && STORAGE_FULL.test(code)) || /No space left on device/.test(error.message)) return "STORAGE_FULL";
  if (code === CANCELLED_SQLSTATE || /Query read timeout/.test(error.message)) return "TIMEOUT";
  if (typeof code === "string" && (UNAVAILABLE_ERRNOS.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return "SERVICE_UNAVAILABLE";
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(error.message)) {
    return "SERVICE_UNAVAILABLE";
  }
  return null;
}

export const UNAVAILABLE_MESSAGES = {
  TIMEOUT: "The operation ran past its deadline and was stopped. Ask for less, or retry later.",
  SERVICE_UNAVAILABLE: "The database is unavailable. Retry later.",
  STORAGE_FULL: "The database's disk is full: writes are refused until space is freed, reads go on. Retry later.",
} as const;

const TOO_MANY_TOKENS = /^Syntax Error: Document contains more than (\d+) tokens/;

/**
 * Apollo's error formatter. Coded errors pass; the database's state becomes TIMEOUT
 * or SERVICE_UNAVAILABLE (HTTP 503, see the http-status plugin); every other error
 * reaches the client as INTERNAL_SERVER_ERROR with no detail (the log has it whole).
 * A literal that one of our scalars refused is reported by validation; it keeps its
 * BAD_USER_INPUT code here.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A resolver's InputError is wrapped once; a scalar's, caught by validation, sits in `originalError`.
  const original = unwrapResolverError(error);
  const input = [original, error instanceof GraphQLError ? error.originalError : undefined].find((e) => e instanceof InputError);
  if (input instanceof InputError) {
    // `http` sets the status of a refusal before execution (Apollo reads it); it is not for the client.
    const { http: _http, ...extensions } = input.extensions;
    return { ...formatted, extensions: { ...formatted.extensions, ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  const fault = databaseFault(original);
  if (fault !== null)
    return { message: UNAVAILABLE_MESSAGES[fault], ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: fault } };
  const tokens = TOO_MANY_TOKENS.exec(formatted.message);
  if (tokens) {
    const maximum = Number(tokens[1]);
    return {
      message: `The document has more than ${maximum} tokens, the limit (${LIMIT_SETTINGS.tokens}). Send a smaller document.`,
      extensions: { code: ErrorCode.OPERATION_LIMIT_EXCEEDED, limit: "tokens", measured: maximum + 1, maximum },
    };
  }
  const code = formatted.extensions?.["code"];
  if (typeof code === "string" && PUBLIC_CODES.has(code)) return formatted;
  // Apollo's own refusals of a request (a persisted query's hash that does not match its text) carry a 4xx and no code.
  // (Apollo has given such an error INTERNAL_SERVER_ERROR by now; the error itself has no code.)
  const own = error instanceof GraphQLError ? error.extensions : undefined;
  const status = (own?.["http"] as { status?: unknown } | undefined)?.status;
  if (own?.["code"] === undefined && typeof status === "number" && status >= 400 && status < 500) {
    return { ...formatted, extensions: { ...formatted.extensions, code: ApolloServerErrorCode.BAD_REQUEST } };
  }
  return {
    message: "Internal server error",
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Whether an error is one the hub did not expect: those are logged with their stack. */
export function isUnexpected(error: GraphQLError): boolean {
  const original = error.originalError;
  if (databaseFault(original) !== null) return false;
  const code = error.extensions?.["code"];
  if (original && !(original instanceof GraphQLError)) return true;
  return typeof code !== "string" || !PUBLIC_CODES.has(code);
}
