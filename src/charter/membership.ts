import { NEAR_FOUNDED, heldChangeDays, heldOn, startWindowOf } from "./calendar";
import type { Day, Held, Period, StartWindow } from "./calendar";

/** MEMBER (Charter Art. 4), ASSOCIATE (Art. 4-2) or OBSERVER (no article: not a member). */
export const MEMBERSHIP_KINDS = ["MEMBER", "ASSOCIATE", "OBSERVER"] as const;
export type MembershipKind = (typeof MEMBERSHIP_KINDS)[number];

/** A period in one capacity. No membership can begin before the association was founded (Charter Art. 19). */
export interface MembershipPeriod extends Period {
  kind: MembershipKind;
}

/** Where a membership's start can lie: an unknown start, between the founding and the first source that attests it. */
export function membershipStartWindow(period: Period): StartWindow {
  return startWindowOf(period, NEAR_FOUNDED);
}

/** Whether a membership period holds on `day` (YES, NO, UNKNOWN). */
export function membershipHeldOn(period: Period, day: Day): Held {
  return heldOn(period, day, NEAR_FOUNDED);
}

/** The days on which a government's membership standing can change: between two of them `membershipStandingOn` is the same. */
export function membershipChangeDays(periods: readonly Period[]): Day[] {
  return periods.flatMap((period) => heldChangeDays(period, NEAR_FOUNDED));
}

/**
 * The period held on `day` and how certainly: the one known to hold (`YES`); else one
 * that may hold (`UNKNOWN`: the day lies where its dates are imprecise or unknown);
 * else none (`NO`). Periods of one government do not overlap; if data ever made them,
 * the latest start wins.
 */
export function membershipStandingOn<P extends MembershipPeriod>(periods: readonly P[], day: Day): { period: P | null; held: Held } {
  let known: P | null = null;
  let possible: P | null = null;
  for (const period of periods) {
    const held = membershipHeldOn(period, day);
    if (held === "YES" && (known === null || (period.startedOn ?? "") >= (known.startedOn ?? ""))) known = period;
    else if (held === "UNKNOWN" && (possible === null || (period.startedOn ?? "") >= (possible.startedOn ?? ""))) possible = period;
  }
  if (known !== null) return { period: known, held: "YES" };
  return possible === null ? { period: null, held: "NO" } : { period: possible, held: "UNKNOWN" };
}

/** The period known to hold on `day`, or null (none, or none known: `membershipStandingOn` tells which). */
export function membershipOn<P extends MembershipPeriod>(periods: readonly P[], day: Day): P | null {
  const standing = membershipStandingOn(periods, day);
  return standing.held === "YES" ? standing.period : null;
}

/** The window of a start as words, for reasons: "between 1996-09-12 and 2016-02-22 (the first source that attests it)". */
export function startWindowText(period: Period): string {
  const window = membershipStartWindow(period);
  if (period.startedOn !== null)
    return `in ${window.earliest} to ${window.latest} (the sources give it to the ${(period.startPrecision ?? "DAY").toLowerCase()})`;
  return window.latest === null
    ? `on or after ${window.earliest} (no source gives the day, and none attests it)`
    : `between ${window.earliest} and ${window.latest} (no source gives the day; ${window.latest} is the first a source attests it)`;
}
