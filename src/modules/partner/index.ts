import { defineNodeType, integerKey } from "../../core/node-registry";
import type { PartnerOrganisation } from "./partner-organisation.entity";
import { partnerById } from "./partner.loader";
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
