import { defineNodeType, integerKey } from "../../core/node-registry";
import type { Membership } from "./membership.entity";
import { membershipById } from "./membership.loader";

export { Membership, MembershipKind, FoundingStatus } from "./membership.entity";
export { memberIdsOn, membershipsByGovernment } from "./membership.loader";
export { MEMBERSHIP_COLUMNS } from "./membership.columns";

export const membershipNodeTypes = [
  defineNodeType<Membership, number>({ typename: "Membership", keyOf: (row) => row.id, parseKey: integerKey, loader: membershipById }),
];
