import { defineEntityKey, textKey } from "../../core/entity-registry";
import type { EntityType } from "../../core/entity-registry";
import { defineNodeType, integerKey } from "../../core/node-registry";
import { PartnerOrganisation } from "./partner-organisation.entity";
import { partnerById, partnerBySlug } from "./partner.loader";
import { PartnerMutations } from "./partner.mutations";
import { PartnerResolver } from "./partner.resolver";

export { PartnerOrganisation, PartnerRelation } from "./partner-organisation.entity";

export const partnerResolvers = [PartnerResolver, PartnerMutations] as const;
export const partnerNodeTypes = [
  defineNodeType<PartnerOrganisation, number>({
    typename: "PartnerOrganisation",
    keyOf: (row) => row.id,
    parseKey: integerKey,
    loader: partnerById,
  }),
];
/** Other subgraphs join a partner organisation by its slug (docs/federation.md). */
export const partnerEntityTypes: EntityType[] = [
  {
    typename: "PartnerOrganisation",
    type: PartnerOrganisation,
    keys: [defineEntityKey({ field: "slug", parse: textKey, loader: partnerBySlug })],
  },
];
