import { defineEntityKey, globalIdKey, textKey } from "../../core/entity-registry";
import type { EntityType } from "../../core/entity-registry";
import { defineNodeType, integerKey } from "../../core/node-registry";
import { Government } from "./government.entity";
import { governmentById, governmentBySlug } from "./government.loader";
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
const governmentNodeType = defineNodeType<Government, number>({
  typename: "Government",
  keyOf: (row) => row.id,
  parseKey: integerKey,
  loader: governmentById,
});
export const governmentNodeTypes = [governmentNodeType];
/** Other subgraphs join a government by its global ID or by its slug (docs/federation.md). */
export const governmentEntityTypes: EntityType[] = [
  {
    typename: "Government",
    type: Government,
    keys: [globalIdKey(governmentNodeType), defineEntityKey({ field: "slug", parse: textKey, loader: governmentBySlug })],
  },
];
