import { defineNodeType, integerKey } from "../../core/node-registry";
import type { Membership } from "./membership.entity";
import { membershipById } from "./membership.loader";
import { MembershipPeriodResolver } from "./membership.resolver";

export { Membership, MembershipKind, FoundingStatus } from "./membership.entity";
export { memberIdsOn, membershipsByGovernment, uncertainMemberIdsOn } from "./membership.loader";
export { MEMBERSHIP_PERIOD_COLUMNS, membershipPeriodOf } from "./membership.periods";

export { Certainty } from "./membership.types";
export { membershipOnDay } from "./membership.resolver";
export type { MembershipOnDay } from "./membership.resolver";

/** The window and certainty of a membership period. */
export const membershipResolvers = [MembershipPeriodResolver] as const;

export const membershipNodeTypes = [
  defineNodeType<Membership, number>({ typename: "Membership", keyOf: (row) => row.id, parseKey: integerKey, loader: membershipById }),
];
