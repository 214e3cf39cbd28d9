import { daysInMonth, yearEnd } from "../charter";

/**
 * Calendar dates are ISO strings (`YYYY-MM-DD`) everywhere in the hub: no time, no
 * time zone, so a date means the same day to PostgreSQL, Node and every client.
 */
export type IsoDate = string;

const DASH = 45;
const ZERO = 48;

/** The number written by the ASCII digits of `value` from `start` to `end`, or -1 where any is not one. */
function digitsAt(value: string, start: number, end: number): number {
  let number = 0;
  for (let at = start; at < end; at++) {
    const digit = value.charCodeAt(at) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * The date as given if it is a real calendar day (`YYYY-MM-DD`), else null. Read by
 * character codes, not a regular expression: every date the hub answers is checked
 * here on its way out (the `Date` scalar), and a match allocates an array and three
 * strings per date.
 */
export function parseIsoDate(value: string): IsoDate | null {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return null;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return null;
  // Every month has 28 days: only a later day asks the calendar (which builds a Date).
  if (day > 28 && day > daysInMonth(year, month)) return null;
  return value;
}

const DAY_MS = 86_400_000;
/** The last day `todayUtc` was asked for, and its text: every request asks, and the day rarely changes. */
let lastDay = { number: Number.NaN, text: "" };

/** Today in UTC: the day the hub answers for when a client gives no `asOf`. */
export function todayUtc(now: Date = new Date()): IsoDate {
  const number = Math.floor(now.getTime() / DAY_MS);
  if (number !== lastDay.number) lastDay = { number, text: now.toISOString().slice(0, 10) };
  return lastDay.text;
}

/** How much of a stored date the source actually gave. */
export enum DatePrecision {
  DAY = "DAY",
  MONTH = "MONTH",
  SEASON = "SEASON",
  YEAR = "YEAR",
}

export interface PartialDate {
  date: IsoDate;
  precision: DatePrecision;
}

/**
 * A date the sources give in part ("2020-04", "2006", "2020-01-23 (approx.)"). A start
 * is stored as the first day it can mean, an end as the last, so that a period
 * covers every day it may have covered and range queries still work.
 */
export function parsePartialDate(raw: string, edge: "start" | "end" = "start"): PartialDate | null {
  const text = raw.replace(/\(approx\.?\)/i, "").trim();
  if (text === "") return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = parseIsoDate(text);
    return date ? { date, precision: DatePrecision.DAY } : null;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const [year, monthNumber] = [Number(month[1]), Number(month[2])];
    if (monthNumber < 1 || monthNumber > 12) return null;
    const day = edge === "start" ? "01" : String(daysInMonth(year, monthNumber));
    return { date: `${text}-${day}`, precision: DatePrecision.MONTH };
  }
  if (/^\d{4}$/.test(text)) return { date: edge === "start" ? `${text}-01-01` : yearEnd(Number(text)), precision: DatePrecision.YEAR };
  return null;
}
