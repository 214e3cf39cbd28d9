import { covers } from "./calendar";
import type { Day, Period } from "./calendar";

export type MembershipKind = "MEMBER" | "ASSOCIATE" | "OBSERVER";

export interface MembershipPeriod extends Period {
  kind: MembershipKind;
}

/** The period held on `day`; periods of one government do not overlap, the latest start wins if data ever made them. */
export function membershipOn(periods: readonly MembershipPeriod[], day: Day): MembershipPeriod | null {
  const held = periods.filter((period) => covers(period, day));
  return held.sort((a, b) => (a.startedOn ?? "").localeCompare(b.startedOn ?? "")).at(-1) ?? null;
}
