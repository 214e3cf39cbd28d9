import { GraphQLScalarType, Kind } from "graphql";
import type { ValueNode } from "graphql";
import { registerEnumType } from "type-graphql";
import { InputError } from "./errors";
import { DatePrecision, parseIsoDate } from "./dates";
import type { IsoDate } from "./dates";

/**
 * A calendar day, `YYYY-MM-DD`. Invalid input is a BAD_USER_INPUT error (the error
 * formatter keeps that code even when the value was a literal caught by validation).
 */
export const DateScalar = new GraphQLScalarType<IsoDate, string>({
  name: "Date",
  description: "A calendar day in ISO 8601 form, YYYY-MM-DD (no time, no time zone).",
  serialize(value) {
    if (typeof value === "string" && parseIsoDate(value)) return value;
    throw new TypeError(`Date cannot represent ${String(value)}`);
  },
  parseValue(value) {
    return parseDateInput(value);
  },
  parseLiteral(ast) {
    return parseDateInput(ast.kind === Kind.STRING ? ast.value : undefined, ast);
  },
});

function parseDateInput(value: unknown, node?: ValueNode): IsoDate {
  const date = typeof value === "string" ? parseIsoDate(value) : null;
  if (date === null) {
    throw new InputError(
      `Invalid date ${JSON.stringify(value ?? null)}: expected a calendar day as YYYY-MM-DD, e.g. "2020-12-31"`,
      undefined,
      node,
    );
  }
  return date;
}

registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How much of a date the source gives. A start is stored as the first day it can mean, an end as the last.",
});

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * An instant as a client writes one: an ISO 8601 date-time with its offset, or a day,
 * which means the end of that day in UTC (everything recorded on it). Null when the
 * text is neither. Kept to the millisecond: the hub records to the millisecond.
 */
function parseInstant(value: string): Date | null {
  const match = INSTANT.exec(value);
  if (!match || parseIsoDate(match[1]) === null) return null;
  if (match[2] === undefined) return new Date(`${match[1]}T23:59:59.999Z`);
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map(Number) as [number, number, number];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const millis = (match[5] ?? ".0").slice(1, 4).padEnd(3, "0");
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${millis}${match[6]}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseInstantInput(value: unknown, node?: ValueNode): Date {
  const instant = typeof value === "string" ? parseInstant(value) : null;
  if (instant === null) {
    throw new InputError(
      `Invalid instant ${JSON.stringify(value ?? null)}: expected an ISO 8601 date-time with its offset ("2026-12-07T04:30:00.000Z") or a day ("2020-12-31", the end of that day in UTC)`,
      undefined,
      node,
    );
  }
  return instant;
}

/** A moment in recorded time: when the hub learnt something (`asKnownOn`). */
export const InstantScalar = new GraphQLScalarType<Date, string>({
  name: "Instant",
  description:
    'A moment, as an ISO 8601 date-time with its offset ("2026-12-07T04:30:00.000Z"), or as a day ("2020-12-31"), meaning the end of that day in UTC. The hub records to the millisecond.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new TypeError(`Instant cannot represent ${String(value)}`);
  },
  parseValue(value) {
    return parseInstantInput(value);
  },
  parseLiteral(ast) {
    return parseInstantInput(ast.kind === Kind.STRING ? ast.value : undefined, ast);
  },
});
