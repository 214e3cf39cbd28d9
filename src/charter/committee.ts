import type { Day } from "./calendar";

/** A committee's state on a day. */
export const COMMITTEE_STATUSES = ["ACTIVE", "ABOLISHED", "NOT_YET_ESTABLISHED"] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

export interface CommitteeLife {
  establishedOn: Day | null;
  abolishedOn: Day | null;
}

/**
 * Before its establishment, abolished, or active. An abolished committee is abolished
 * from its abolition day on; an unknown establishment means "before the records".
 */
export function committeeStatus(committee: CommitteeLife, day: Day): CommitteeStatus {
  if (committee.abolishedOn !== null && committee.abolishedOn <= day) return "ABOLISHED";
  if (committee.establishedOn !== null && committee.establishedOn > day) return "NOT_YET_ESTABLISHED";
  return "ACTIVE";
}
