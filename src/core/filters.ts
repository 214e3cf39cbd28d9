import { InputError } from "./errors";

const MAX_SEARCH_LENGTH = 100;

/** A search filter's text, trimmed; BAD_USER_INPUT when blank or too long. */
export function searchText(raw: string | null | undefined, argumentName: string): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text.length === 0 || text.length > MAX_SEARCH_LENGTH) {
    throw new InputError(`${argumentName} must hold 1 to ${MAX_SEARCH_LENGTH} characters, got ${text.length}`, argumentName);
  }
  return text;
}

/** A list filter; an empty list would match nothing, which is never what a client means. */
export function nonEmptyList<T>(list: readonly T[] | null | undefined, argumentName: string): readonly T[] | null {
  if (list === null || list === undefined) return null;
  if (list.length === 0) throw new InputError(`${argumentName} is empty: leave it out to match everything`, argumentName);
  return list;
}

/** ISO 3166-1 alpha-2 codes, upper-cased; BAD_USER_INPUT naming the first malformed one. */
export function countryCodes(list: readonly string[] | null | undefined, argumentName: string): string[] | null {
  const codes = nonEmptyList(list, argumentName)?.map((code) => code.trim().toUpperCase()) ?? null;
  const bad = codes?.find((code) => !/^[A-Z]{2}$/.test(code));
  if (bad !== undefined) throw new InputError(`${argumentName}: "${bad}" is not an ISO 3166-1 alpha-2 code such as "KR"`, argumentName);
  return codes;
}

/** A date range filter: `from` must not come after `to`. */
export function dateRange(from: string | null | undefined, to: string | null | undefined, argumentName: string): void {
  if (from && to && from > to) throw new InputError(`${argumentName}: "from" (${from}) is after "to" (${to})`, argumentName);
}
