/**
 * ISO calendar dates (YYYY-MM-DD) as plain strings: the charter module imports
 * nothing of the project, so it carries the few date operations it needs.
 */
export type Day = string;

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

export function dayOf(year: number, month: number, date: number): Day {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/** The last day of a year: where a fiscal year, a year-precise date and the calendar end. */
export function yearEnd(year: number): Day {
  return dayOf(year, 12, 31);
}

/** The day `years` years after `day`; 29 February becomes 28 February in a common year. */
export function addYears(day: Day, years: number): Day {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const target = year + years;
  const last = daysInMonth(target, month);
  return dayOf(target, month, Math.min(date, last));
}

export function addDays(day: Day, days: number): Day {
  const time = Date.UTC(yearOf(day), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** How much of a date the sources give. */
const PRECISIONS = ["DAY", "MONTH", "SEASON", "YEAR"] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * A period, both ends inclusive. A start known only to the month, season or year is
 * stored as the first day it can mean, an end as the last; `precision` says which. A
 * start the sources do not give (null) lies between the earliest day the period can
 * have begun (the `floor` its rule names: NEAR's founding for a membership, the
 * committee's creation for a coordinator) and `attestedOn`, the first day a source
 * attests the period; a null end means it has not ended.
 */
export interface Period {
  startedOn: Day | null;
  endedOn: Day | null;
  startPrecision?: Precision | null;
  endPrecision?: Precision | null;
  /** For an unknown start: the first day a source attests the period (null: none does). */
  attestedOn?: Day | null;
}

/** Whether an answer rests on what the sources say (KNOWN) or lies where they are silent or imprecise (UNKNOWN). */
export const CERTAINTIES = ["KNOWN", "UNKNOWN"] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** Whether a period holds on a day: YES, NO, or UNKNOWN when the day lies where its dates are imprecise or unknown. */
const HELD = ["YES", "NO", "UNKNOWN"] as const;
export type Held = (typeof HELD)[number];

/** The last day a date stored as the first day of its `precision` can mean. */
function lastDayMeant(first: Day, precision: Precision | null | undefined): Day {
  const year = yearOf(first);
  const month = Number(first.slice(5, 7));
  switch (precision) {
    case "YEAR":
      return yearEnd(year);
    case "SEASON": {
      const last = month + 2;
      return last > 12 ? dayOf(year + 1, last - 12, daysInMonth(year + 1, last - 12)) : dayOf(year, last, daysInMonth(year, last));
    }
    case "MONTH":
      return dayOf(year, month, daysInMonth(year, month));
    default:
      return first;
  }
}

/** The first day a date stored as the last day of its `precision` can mean. */
function firstDayMeant(last: Day, precision: Precision | null | undefined): Day {
  const year = yearOf(last);
  const month = Number(last.slice(5, 7));
  switch (precision) {
    case "YEAR":
      return dayOf(year, 1, 1);
    case "SEASON":
      return month > 2 ? dayOf(year, month - 2, 1) : dayOf(year - 1, month + 10, 1);
    case "MONTH":
      return dayOf(year, month, 1);
    default:
      return last;
  }
}

/** The days a period's start can fall on: from `earliest` to `latest` (null: no source attests it yet). */
export interface StartWindow {
  earliest: Day;
  latest: Day | null;
}

export function startWindowOf(period: Period, floor: Day): StartWindow {
  if (period.startedOn === null) return { earliest: floor, latest: period.attestedOn ?? null };
  const earliest = period.startedOn < floor ? floor : period.startedOn;
  const latest = lastDayMeant(period.startedOn, period.startPrecision);
  return { earliest, latest: latest < earliest ? earliest : latest };
}

/**
 * Whether a period holds on `day`: YES from the last day its start can mean to the
 * first day its end can mean, NO before its earliest possible start or after its last
 * possible end, UNKNOWN between (docs/charter.md, "Three certainties").
 */
export function heldOn(period: Period, day: Day, floor: Day): Held {
  const start = startWindowOf(period, floor);
  if (day < start.earliest || (period.endedOn !== null && day > period.endedOn)) return "NO";
  const started = start.latest !== null && start.latest <= day;
  const notEnded = period.endedOn === null || day <= firstDayMeant(period.endedOn, period.endPrecision);
  return started && notEnded ? "YES" : "UNKNOWN";
}

/** The days on which `heldOn(period, ·, floor)` can change: between two of them it gives the same answer. */
export function heldChangeDays(period: Period, floor: Day): Day[] {
  const start = startWindowOf(period, floor);
  const days = start.latest === null ? [start.earliest] : [start.earliest, start.latest];
  if (period.endedOn !== null) days.push(addDays(firstDayMeant(period.endedOn, period.endPrecision), 1), addDays(period.endedOn, 1));
  return days;
}

/**
 * The days a rule must be asked on to know its answer on every day from `first` to
 * `last`: the first, and each change day with the day before and the day after. The
 * answer asked on one of them holds until the next, reasons included once the day
 * asked is written out of their messages: around a change day a message can name the
 * day itself ("overdue since"), or the day before ("due by", a term's last day).
 */
export function daysToAsk(changeDays: readonly Day[], first: Day, last: Day): Day[] {
  const days = new Set<Day>([first]);
  for (const day of changeDays)
    for (const near of [addDays(day, -1), day, addDays(day, 1)]) if (first <= near && near <= last) days.add(near);
  return [...days].sort();
}

/** Whether a period is known to hold on `day` (`heldOn` is YES). */
export function covers(period: Period, day: Day, floor: Day = NEAR_FOUNDED): boolean {
  return heldOn(period, day, floor) === "YES";
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The association's founding (Charter Art. 19, signed at Gyeongju): the first day its records can speak of. */
export const NEAR_FOUNDED: Day = "1996-09-12";

/**
 * The days the graph answers for: from the founding to the end of the year that lies
 * `yearsAhead` past the later of the facts horizon and today (today is every `asOf`'s
 * default, so it is always inside). Beyond it nothing is recorded or planned, and a
 * rule asked about it would only extrapolate.
 */
export interface Calendar {
  first: Day;
  last: Day;
}

export function calendarFor(horizon: Day, today: Day, yearsAhead: number): Calendar {
  return { first: NEAR_FOUNDED, last: yearEnd(Math.max(yearOf(horizon), yearOf(today)) + yearsAhead) };
}

/** Whether `day` lies in the calendar. */
export function inCalendar(calendar: Calendar, day: Day): boolean {
  return calendar.first <= day && day <= calendar.last;
}
