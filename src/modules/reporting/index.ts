export { addReportingDay, committeesOn, refreshReporting } from "./reporting.service";
export type { CommitteeOnDay } from "./reporting.service";
