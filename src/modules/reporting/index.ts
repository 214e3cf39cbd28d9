export { committeesOn, refreshReporting } from "./reporting.service";
