import { defineNodeType, integerKey } from "../../core/node-registry";
import type { Membership } from "./membership.entity";
import { membershipById } from "./membership.loader";

export { Membership, MembershipKind, FoundingStatus, coversDay, startYear } from "./membership.entity";
export { membershipsByGovernment, membershipById } from "./membership.loader";

export const membershipNodeTypes = [
  defineNodeType<Membership, number>({ typename: "Membership", keyOf: (row) => row.id, parseKey: integerKey, loader: membershipById }),
];
