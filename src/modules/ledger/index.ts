import { LedgerMutations } from "./ledger.mutations";

export const ledgerResolvers = [LedgerMutations] as const;
