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

/** A period with an optional start and end (both inclusive); a missing start means "before the records". */
export interface Period {
  startedOn: Day | null;
  endedOn: Day | null;
}

export function covers(period: Period, day: Day): boolean {
  return (period.startedOn === null || period.startedOn <= day) && (period.endedOn === null || day <= period.endedOn);
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
  return { first: NEAR_FOUNDED, last: dayOf(Math.max(yearOf(horizon), yearOf(today)) + yearsAhead, 12, 31) };
}

/** Whether `day` lies in the calendar. */
export function inCalendar(calendar: Calendar, day: Day): boolean {
  return calendar.first <= day && day <= calendar.last;
}
