import { NEAR_FOUNDED, addDays, heldChangeDays, heldOn } from "./calendar";
import type { Day, Period, Precision } from "./calendar";

/** A committee's state on a day; UNKNOWN where the day lies inside an establishment the sources date only roughly, or not at all. */
export const COMMITTEE_STATUSES = ["ACTIVE", "ABOLISHED", "NOT_YET_ESTABLISHED", "UNKNOWN"] as const;
export type CommitteeStatus = (typeof COMMITTEE_STATUSES)[number];

export interface CommitteeLife {
  establishedOn: Day | null;
  establishedPrecision?: Precision | null;
  /** For an unknown establishment: the first day a source attests the committee. */
  attestedOn?: Day | null;
  abolishedOn: Day | null;
}

/**
 * Abolished from its abolition day on; before its establishment, not yet established;
 * active in between. An establishment known only to the year (or not at all: between
 * the founding and the first source that attests the committee) leaves the days it
 * may fall on UNKNOWN.
 */
export function committeeStatus(committee: CommitteeLife, day: Day): CommitteeStatus {
  if (committee.abolishedOn !== null && committee.abolishedOn <= day) return "ABOLISHED";
  const held = heldOn(lifeAsPeriod(committee), day, NEAR_FOUNDED);
  return held === "YES" ? "ACTIVE" : held === "NO" ? "NOT_YET_ESTABLISHED" : "UNKNOWN";
}

/** The days on which `committeeStatus` can change: between two of them it is the same. */
export function committeeChangeDays(committee: CommitteeLife): Day[] {
  const days = heldChangeDays(lifeAsPeriod(committee), NEAR_FOUNDED);
  return committee.abolishedOn === null ? days : [...days, committee.abolishedOn];
}

/** A committee's life as a period: from its establishment to the day before its abolition. */
function lifeAsPeriod(committee: CommitteeLife): Period {
  return {
    startedOn: committee.establishedOn,
    startPrecision: committee.establishedPrecision ?? null,
    attestedOn: committee.attestedOn ?? null,
    endedOn: committee.abolishedOn === null ? null : addDays(committee.abolishedOn, -1),
  };
}

/** The earliest day a committee can have been created: what bounds an unknown start of anything of it (a coordinator's term). */
export function committeeFloor(committee: CommitteeLife): Day {
  return committee.establishedOn !== null && committee.establishedOn > NEAR_FOUNDED ? committee.establishedOn : NEAR_FOUNDED;
}
