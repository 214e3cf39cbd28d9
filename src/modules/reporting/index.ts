export { addReportingDay, committeesOn, refreshReporting } from "./reporting.service";
