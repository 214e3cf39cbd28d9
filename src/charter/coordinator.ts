import { addDays, addYears, heldChangeDays, heldOn, startWindowOf } from "./calendar";
import type { Certainty, Day, Period } from "./calendar";
import { INTERPRETATIONS } from "./interpretations";
import { reason } from "./reasons";
import type { Reason } from "./reasons";

/** Committee Reg. Art. 5(2): a coordinator's term is 2 years, renewable. */
const COORDINATOR_TERM_YEARS = 2;
/** Committee Reg. Art. 5(7): 2 years or more with no meeting or event. */
const INACTIVITY_YEARS = 2;

export interface CoordinatorSpell extends Period {
  government: string;
}

export interface CurrentTerm {
  government: string;
  /** 1 for the first 2-year term of the spell; null when its start is unknown. */
  termNumber: number | null;
  termStart: Day | null;
  termEnd: Day | null;
  /** UNKNOWN when the day lies where the sources date the spell only roughly, or not at all. */
  certainty: Certainty;
}

export interface Coordination {
  coordinators: CurrentTerm[];
  renewable: boolean;
  lastActivity: Day | null;
  /** Null when the records cannot tell. */
  activeInCurrentTerm: boolean | null;
  replaceable: boolean | null;
  reasons: Reason[];
}

export interface CoordinationInput {
  spells: readonly CoordinatorSpell[];
  /** Days of the committee's meetings and NEAR events. */
  activities: readonly Day[];
  /** From this day on, every meeting and event is recorded; null when no period is. */
  activityRecordsFrom: Day | null;
  /** The earliest day a spell can have begun: the committee's creation (`committeeFloor`). */
  floor: Day;
  asOf: Day;
}

export function currentTerm(spell: CoordinatorSpell, asOf: Day, certainty: Certainty = "KNOWN"): CurrentTerm {
  if (spell.startedOn === null) return { government: spell.government, termNumber: null, termStart: null, termEnd: null, certainty };
  let k = 0;
  while (addYears(spell.startedOn, COORDINATOR_TERM_YEARS * (k + 1)) <= asOf) k++;
  return {
    government: spell.government,
    termNumber: k + 1,
    termStart: addYears(spell.startedOn, COORDINATOR_TERM_YEARS * k),
    termEnd: addDays(addYears(spell.startedOn, COORDINATOR_TERM_YEARS * (k + 1)), -1),
    certainty,
  };
}

/** Committee Reg. Art. 5: who coordinates on `asOf`, in which term, and whether inactivity makes them replaceable. */
export function coordination(input: CoordinationInput): Coordination {
  const { asOf, floor } = input;
  const held = input.spells.map((spell) => ({ spell, held: heldOn(spell, asOf, floor) }));
  const known = held.filter((s) => s.held === "YES").map((s) => s.spell);
  const coordinators = held.filter((s) => s.held !== "NO").map((s) => currentTerm(s.spell, asOf, s.held === "YES" ? "KNOWN" : "UNKNOWN"));
  const reasons: Reason[] = [];
  for (const { spell } of held.filter((s) => s.held === "UNKNOWN")) {
    const window = startWindowOf(spell, floor);
    reasons.push(
      reason(
        "COORDINATOR_UNKNOWN",
        "Committee Reg. Art. 5(1)",
        `Whether ${spell.government} coordinated on ${asOf} is unknown: its coordination began ${
          window.latest === null
            ? `on or after ${window.earliest}, and no source dates it`
            : `between ${window.earliest} and ${window.latest}`
        }.`,
      ),
    );
  }
  if (coordinators.length === 0) {
    reasons.push(reason("NO_COORDINATOR", "Committee Reg. Art. 5(1)", `No coordinator is recorded on ${asOf}.`));
    return { coordinators, renewable: true, lastActivity: null, activeInCurrentTerm: null, replaceable: null, reasons };
  }
  reasons.push(
    reason(
      "TERM_TWO_YEARS_RENEWABLE",
      "Committee Reg. Art. 5(2)",
      `Terms are ${COORDINATOR_TERM_YEARS} years and renewable (${INTERPRETATIONS.COORDINATOR_TERMS_FROM_START.summary}).`,
    ),
  );
  for (const term of coordinators) {
    reasons.push(
      term.termStart === null
        ? reason(
            "TERM_START_UNKNOWN",
            "Committee Reg. Art. 5(2)",
            `The sources do not date the start of ${term.government}'s coordination, so its current term is unknown.`,
          )
        : reason(
            "CURRENT_TERM",
            "Committee Reg. Art. 5(2)",
            `${term.government}: term ${term.termNumber}, ${term.termStart} to ${term.termEnd}.`,
          ),
    );
  }

  const lastActivity =
    input.activities
      .filter((day) => day <= asOf)
      .sort()
      .at(-1) ?? null;
  const recordsFrom = input.activityRecordsFrom;
  const coveredSince = (day: Day): boolean => recordsFrom !== null && recordsFrom <= day;

  const termStarts = coordinators
    .map((c) => c.termStart)
    .filter((d): d is Day => d !== null)
    .sort();
  const latestTermStart = termStarts.at(-1) ?? null;
  let activeInCurrentTerm: boolean | null = null;
  if (latestTermStart !== null) {
    if (lastActivity !== null && lastActivity >= latestTermStart) activeInCurrentTerm = true;
    else if (coveredSince(latestTermStart)) activeInCurrentTerm = false;
  }
  reasons.push(
    activeInCurrentTerm === null
      ? reason(
          "ACTIVITY_IN_TERM_UNKNOWN",
          "Committee Reg. Art. 5(4)",
          "The records do not cover the current term: whether it met its one meeting or event is unknown.",
        )
      : reason(
          activeInCurrentTerm ? "ACTIVE_IN_TERM" : "NO_ACTIVITY_IN_TERM",
          "Committee Reg. Art. 5(4)",
          activeInCurrentTerm
            ? `A meeting or event on ${lastActivity} falls in the current term.`
            : "No meeting or event yet in the current term, which needs at least one.",
        ),
  );

  const twoYearsAgo = addYears(asOf, -INACTIVITY_YEARS);
  const spellStarts = known.map((spell) => spell.startedOn);
  const coordinatingForTwoYears = spellStarts.every((start) => start !== null && start <= twoYearsAgo);
  // Replaceable only when the records cover the whole two years and show nothing in them;
  // a recorded activity inside the two years settles it the other way on its own.
  let replaceable: boolean | null;
  if (lastActivity !== null && lastActivity > twoYearsAgo) {
    replaceable = false;
  } else if (coveredSince(twoYearsAgo) && (lastActivity !== null || coordinatingForTwoYears)) {
    replaceable = true;
  } else {
    replaceable = null;
  }
  if (replaceable === null) {
    reasons.push(
      reason(
        "INACTIVITY_UNKNOWN",
        "Committee Reg. Art. 5(7)",
        `The records of meetings and events do not cover the two years before ${asOf}: whether the coordinator may be replaced is unknown.`,
      ),
    );
  } else if (replaceable) {
    reasons.push(
      reason(
        "REPLACEABLE",
        "Committee Reg. Art. 5(7)-(8)",
        `${lastActivity === null ? "No meeting or event recorded" : `No meeting or event since ${lastActivity}`}: two years or more, so another member may ask for the role (replacement needs a Working Committee majority, Art. 5(8)).`,
      ),
    );
  } else {
    reasons.push(
      reason(
        "NOT_REPLACEABLE",
        "Committee Reg. Art. 5(7)",
        `Last meeting or event on ${lastActivity}: less than two years before ${asOf}.`,
      ),
    );
  }
  return { coordinators, renewable: true, lastActivity, activeInCurrentTerm, replaceable, reasons };
}

/**
 * The days on which `coordination` can change, through the day after `until`: a
 * spell's start and end (and where their dates blur), each new 2-year term, each
 * meeting or event and the day two years after it, and two years after the records
 * begin. Between two of them it gives the same answer. The day after `until` is kept
 * because the eve of a change is asked too: a term's last day, named in its reason,
 * may be `until` itself.
 */
export function coordinationChangeDays(input: Omit<CoordinationInput, "asOf">, until: Day): Day[] {
  const through = addDays(until, 1);
  const days = input.spells.flatMap((spell) => heldChangeDays(spell, input.floor));
  for (const spell of input.spells) {
    if (spell.startedOn === null) continue;
    for (let k = 1; addYears(spell.startedOn, COORDINATOR_TERM_YEARS * k) <= through; k++)
      days.push(addYears(spell.startedOn, COORDINATOR_TERM_YEARS * k));
  }
  for (const activity of input.activities) days.push(activity, addYears(activity, INACTIVITY_YEARS));
  if (input.activityRecordsFrom !== null) days.push(addYears(input.activityRecordsFrom, INACTIVITY_YEARS));
  return days.filter((day) => day <= through);
}
