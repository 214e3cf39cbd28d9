import { CostSharesResolver, MemberCostShareResolver } from "./cost-shares.resolver";

/** Who pays what of a General Assembly (Charter Art. 15(2)(ii)). */
export const costSharesResolvers = [CostSharesResolver, MemberCostShareResolver] as const;
