import { parsePartialDate } from "../core/dates";
import type { DatePrecision } from "../core/dates";
import { cell } from "./csv";

/** Small readers shared by the seed loaders: each fails loudly on a fact it cannot place. */
export function required(record: Record<string, string>, column: string): string {
  const value = cell(record, column);
  if (value === null) throw new Error(`Seed row ${JSON.stringify(record).slice(0, 80)} has no ${column}`);
  return value;
}

/** A column holding one of a fixed set of values (an enum's): anything else fails the seed, naming the column. */
export function oneOf<const T extends string>(record: Record<string, string>, column: string, values: readonly T[]): T {
  const value = required(record, column);
  const known = values.find((v) => v === value);
  if (known === undefined) throw new Error(`Seed column ${column} holds "${value}"; expected one of ${values.join(", ")}`);
  return known;
}

export function partial(raw: string | null, edge: "start" | "end"): { date: string | null; precision: DatePrecision | null } {
  if (raw === null) return { date: null, precision: null };
  const parsed = parsePartialDate(raw, edge);
  if (parsed === null) throw new Error(`Seed date "${raw}" is not a date the loader understands`);
  return parsed;
}

export function mustGet<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed refers to unknown ${what} "${String(key)}"`);
  return value;
}

export function ordinal(n: number): string {
  return `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
}
