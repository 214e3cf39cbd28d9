/**
 * The NEAR rules as pure functions: plain data and an explicit date in, a verdict
 * with its reasons out. Nothing here touches a database, GraphQL or the clock.
 * Value tuples (`MEMBERSHIP_KINDS`, …) are the one list of each set of values: the
 * GraphQL enums and database checks derive from them.
 */
export type { Reason } from "./reasons";
export {
  CERTAINTIES,
  NEAR_FOUNDED,
  addDays,
  calendarFor,
  covers,
  daysInMonth,
  daysToAsk,
  inCalendar,
  yearEnd,
  yearOf,
} from "./calendar";
export type { Calendar, Certainty, Period } from "./calendar";
export { CharterInputError } from "./errors";
export { APPOINTMENT_STATUSES, appointmentHeldOn } from "./appointment";
export type { AppointmentPeriod, AppointmentStatus } from "./appointment";
export {
  MEMBERSHIP_KINDS,
  membershipHeldOn,
  membershipOn,
  membershipStandingOn,
  membershipStartWindow,
} from "./membership";
export type { MembershipKind, MembershipPeriod } from "./membership";
export { FIRST_FISCAL_YEAR, FISCAL_YEAR_STATUSES, LEDGER_STATUSES, duesForYear, duesHistory, duesStanding } from "./dues";
export type { DuesLedger, DuesStanding, FiscalYearDues, FiscalYearStatus, LedgerStatus } from "./dues";
export { electionRights, rightsChangeDays, votingRights } from "./rights";
export type { RightsVerdict } from "./rights";
export { DECIDING_BODIES, DECISION_BASES, DECISION_OUTCOMES, MAJORITIES, decide, discrepancyOf, quorumRequired, ruleFor } from "./decision";
export type { Decision, DecidingBody, DecisionBasis, DecisionInput, DecisionOutcome, Majority } from "./decision";
export { TALLY_SOURCES, VOTE_CHOICES, countTally, recordedTally } from "./tally";
export type { Tally, TallySource, VoteChoice } from "./tally";
export { COMMITTEE_STATUSES, committeeChangeDays, committeeFloor, committeeStatus } from "./committee";
export type { CommitteeStatus } from "./committee";
export { assemblyCostShares } from "./cost-shares";
export { coordination, coordinationChangeDays, currentTerm } from "./coordinator";
export type { CoordinationInput } from "./coordinator";
export { chairChangeDays, chairOn } from "./chair";
export type { AssemblySitting, ChairExtension } from "./chair";
export { checkBudgetReviewComposition } from "./budget-review";
