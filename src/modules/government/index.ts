import { defineNodeType, integerKey } from "../../core/node-registry";
import type { Government } from "./government.entity";
import { governmentById } from "./government.loader";
import { GovernmentMutations } from "./government.mutations";
import { CountryGovernmentsResolver, GovernmentResolver, MembershipGovernmentResolver } from "./government.resolver";

export { Government } from "./government.entity";
export { governmentById, governmentBySlug } from "./government.loader";
export { GovernmentConnection } from "./government.types";
export { GovernmentOrder, MembershipStatus } from "./government.args";
export { listGovernments } from "./government.service";

export const governmentResolvers = [
  GovernmentResolver,
  MembershipGovernmentResolver,
  CountryGovernmentsResolver,
  GovernmentMutations,
] as const;
export const governmentNodeTypes = [
  defineNodeType<Government, number>({ typename: "Government", keyOf: (row) => row.id, parseKey: integerKey, loader: governmentById }),
];
