import { covers } from "./calendar";
import type { Day, Period } from "./calendar";

/** MEMBER (Charter Art. 4), ASSOCIATE (Art. 4-2) or OBSERVER (no article: not a member). */
export const MEMBERSHIP_KINDS = ["MEMBER", "ASSOCIATE", "OBSERVER"] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

export interface MembershipPeriod extends Period {
  kind: MembershipKind;
}

/**
 * The period held on `day`. Periods of one government do not overlap; if data ever
 * made them, the latest start wins (an unknown start counts as the earliest).
 */
export function membershipOn<P extends MembershipPeriod>(periods: readonly P[], day: Day): P | null {
  let held: P | null = null;
  for (const period of periods) {
    if (!covers(period, day)) continue;
    if (held === null || (period.startedOn ?? "") >= (held.startedOn ?? "")) held = period;
  }
  return held;
}
