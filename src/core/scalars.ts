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
