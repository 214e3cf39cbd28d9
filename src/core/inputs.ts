import { inCalendar, yearOf } from "../charter";
import type { Calendar } from "../charter";
import type { IsoDate } from "./dates";
import { InputError } from "./errors";

/** A text input field, trimmed: null when left out, BAD_USER_INPUT naming the field when blank or too long. */
export function optionalText(value: string | null | undefined, field: string, maxLength = 2000): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === "" || text.length > maxLength)
    throw new InputError(`${field} must hold 1 to ${maxLength} characters, or be left out`, field);
  return text;
}

/** A text input field that must be given. */
export function requiredText(value: string | null | undefined, field: string, maxLength = 2000): string {
  if (value === null || value === undefined) throw new InputError(`${field} is required`, field);
  const text = value.trim();
  if (text === "" || text.length > maxLength) throw new InputError(`${field} must hold 1 to ${maxLength} characters`, field);
  return text;
}

/** An absolute URL with one of `schemes` and a dotted host name, trimmed; BAD_USER_INPUT naming the field otherwise. */
export function absoluteUrl(value: string, field: string, schemes: readonly string[] = ["http:", "https:"]): string {
  let url: URL | null = null;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (!url || !schemes.includes(url.protocol) || !url.hostname.includes(".")) {
    throw new InputError(
      `${field} must be an absolute ${schemes.map((s) => s.slice(0, -1)).join(" or ")} URL, e.g. https://www.gb.go.kr/`,
      field,
    );
  }
  return value.trim();
}

/** The refusal of a day outside the calendar, naming the argument and the range. */
export function outsideCalendar(calendar: Calendar, day: string, field: string): InputError {
  return new InputError(
    `${field}: ${day} is outside the days the graph answers for, ${calendar.first} (the association's founding) to ${calendar.last} (CALENDAR_YEARS_AHEAD years past the later of the facts horizon and today)`,
    field,
  );
}

/** `day` when the calendar holds it; BAD_USER_INPUT naming the field and the range otherwise. */
export function inCalendarOrRefused(calendar: Calendar, day: IsoDate, field: string): IsoDate {
  if (!inCalendar(calendar, day)) throw outsideCalendar(calendar, day, field);
  return day;
}

/** Years `from` to `to` (inclusive) when the calendar holds both and they are in order; BAD_USER_INPUT naming the argument otherwise. */
export function yearsInCalendar(calendar: Calendar, from: number, to: number, fromField = "from", toField = "to"): void {
  const [first, last] = [yearOf(calendar.first), yearOf(calendar.last)];
  for (const [year, field] of [
    [from, fromField],
    [to, toField],
  ] as const) {
    if (!Number.isInteger(year) || year < first || year > last) {
      throw new InputError(`${field}: ${year} is outside the years the graph answers for, ${first} to ${last}`, field);
    }
  }
  if (to < from) throw new InputError(`${toField} (${to}) is before ${fromField} (${from})`, toField);
}
