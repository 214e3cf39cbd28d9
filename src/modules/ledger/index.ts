import { LedgerMutations } from "./ledger.mutations";
import { AssociationLedgerResolver } from "./ledger.resolver";

export const ledgerResolvers = [LedgerMutations, AssociationLedgerResolver] as const;
