import type { AuthChecker, MiddlewareFn } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { AccessError, ErrorCode } from "../../core/errors";
import { ROLES, hasRole, seesPrivate } from "../../core/viewer";
import type { Role } from "../../core/viewer";

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * type-graphql's check for `@Authorized(role)`: no key is UNAUTHENTICATED, a key
 * below the role is FORBIDDEN. The message names the role needed and nothing about
 * what the operation would touch.
 */
export const authChecker: AuthChecker<RequestContext> = ({ context }, roles) => {
  const required = roles.filter(isRole);
  const least = required.length === 0 ? "PARTNER" : required.reduce((a, b) => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b));
  if (hasRole(context.viewer, least)) return true;
  if (context.viewer.role === "PUBLIC") {
    throw new AccessError(
      ErrorCode.UNAUTHENTICATED,
      `This operation needs an API key with role ${least} or above: send Authorization: Bearer <key>.`,
    );
  }
  throw new AccessError(ErrorCode.FORBIDDEN, `This operation needs role ${least} or above; your key's role is ${context.viewer.role}.`);
};

/**
 * A private field (personal data beyond name and post): its value for the
 * secretariat and admins, null without an error for everyone else. The field must be
 * nullable, and no filter, ordering, cursor or aggregate may read its column.
 */
export const PrivateField: MiddlewareFn<RequestContext> = async ({ context }, next) => (seesPrivate(context.viewer) ? next() : null);
