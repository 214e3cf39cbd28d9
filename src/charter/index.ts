/**
 * The NEAR rules as pure functions: plain data and an explicit date in, a verdict
 * with its reasons out. Nothing here touches a database, GraphQL or the clock.
 */
export type { Reason } from "./reasons";
export type { Day, Period } from "./calendar";
export { CharterInputError } from "./errors";
export { INTERPRETATIONS } from "./interpretations";
export type { Interpretation } from "./interpretations";
export { membershipOn } from "./membership";
export type { MembershipKind, MembershipPeriod } from "./membership";
export { DUES, checkFiscalYear, dueDateOf, duesForYear, duesHistory, duesStanding } from "./dues";
export type { DuesLedger, DuesPayment, DuesStanding, DuesWaiver, FiscalYearDues, FiscalYearStatus } from "./dues";
export { electionRights, votingRights } from "./rights";
export type { RightsVerdict } from "./rights";
export { CHARTER_ITEMS, decide, quorumRequired, ruleFor, votesRequired } from "./decision";
export type { Decision, DecisionInput, DecisionOutcome, DecisionRule, DecidingBody, Majority } from "./decision";
export { assemblyCostShares } from "./cost-shares";
export type { CostShareInput, CostShares, MemberShare } from "./cost-shares";
export { COORDINATOR_TERM_YEARS, coordination, currentTerm } from "./coordinator";
export type { Coordination, CoordinationInput, CoordinatorSpell, CurrentTerm } from "./coordinator";
export { chairOn } from "./chair";
export type { AssemblySitting, ChairExtension, ChairVerdict } from "./chair";
export { checkBudgetReviewComposition } from "./budget-review";
export type { BudgetReviewCandidate, BudgetReviewInput, BudgetReviewVerdict } from "./budget-review";
