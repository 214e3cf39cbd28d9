export { addReportingDay, refreshReporting } from "./reporting.service";
