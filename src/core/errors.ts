import { GraphQLError } from "graphql";
import type { ASTNode } from "graphql";

/** The `extensions.code` values the hub sends, beside Apollo's own. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
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
