import { GraphQLError } from "graphql";
import type { ASTNode } from "graphql";

/** The `extensions.code` values the hub sends, beside Apollo's own. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  /** The operation ran past its deadline (OPERATION_TIMEOUT_MS): HTTP 503, retry with a smaller one. */
  TIMEOUT: "TIMEOUT",
  /** The database cannot be reached or is overloaded: HTTP 503 with Retry-After. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** The database's disk is full: writes are refused (HTTP 503) until space is freed; reads go on. */
  STORAGE_FULL: "STORAGE_FULL",
  /** An operation over a limit of cost, depth, aliases, directives, tokens or size: HTTP 400. */
  OPERATION_LIMIT_EXCEEDED: "OPERATION_LIMIT_EXCEEDED",
  /** No API key, or one that is unknown, revoked or expired: HTTP 401. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** A valid key whose role may not do this. */
  FORBIDDEN: "FORBIDDEN",
  /** A write against a stale `version`, or a duplicate of something recorded. */
  CONFLICT: "CONFLICT",
  /** The charter forbids the write (e.g. an admission without a passing decision). */
  CHARTER_REFUSED: "CHARTER_REFUSED",
} as const;

/**
 * Input a person can correct. `argumentName` names the argument or input field at
 * fault, so a client can put the message next to the right control.
 */
export class InputError extends GraphQLError {
  /** `node`: the literal at fault, when a scalar refuses one, so the error points at it. */
  constructor(message: string, argumentName?: string, node?: ASTNode) {
    super(message, {
      ...(node ? { nodes: node } : {}),
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
    });
    this.name = "InputError";
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND, ...(argumentName ? { argumentName } : {}) } });
    this.name = "NotFoundError";
  }
}

/** Why a request's signal was aborted: the deadline passed, or the client went away. */
export type AbortCause = "deadline" | "client-gone";

/**
 * The request's deadline passed (or its client went away) before this statement:
 * the work stops here. Reported to the client as TIMEOUT.
 */
export class DeadlineExceededError extends Error {
  override name = "DeadlineExceededError";
  readonly reason: AbortCause;

  constructor(signalReason: unknown) {
    const reason: AbortCause = signalReason === "client-gone" ? "client-gone" : "deadline";
    super(reason === "deadline" ? "the operation's deadline passed" : "the client went away");
    this.reason = reason;
  }
}

/** The caller's credentials do not allow the operation (no key, or a role below the one it needs). */
export class AccessError extends GraphQLError {
  constructor(code: typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN, message: string) {
    super(message, { extensions: { code } });
    this.name = "AccessError";
  }
}

/** A write against a stale version, or one that would duplicate a recorded row. */
export class ConflictError extends GraphQLError {
  readonly currentVersion: number | null;

  constructor(message: string, currentVersion: number | null = null) {
    super(message, { extensions: { code: ErrorCode.CONFLICT, ...(currentVersion === null ? {} : { currentVersion }) } });
    this.name = "ConflictError";
    this.currentVersion = currentVersion;
  }
}

/** The charter forbids what was asked; `reasons` say why, with articles. */
export class CharterRefusalError extends GraphQLError {
  constructor(
    message: string,
    readonly reasons: readonly { code: string; article: string; message: string }[],
  ) {
    super(message, { extensions: { code: ErrorCode.CHARTER_REFUSED } });
    this.name = "CharterRefusalError";
  }
}
