import { registerEnumType } from "type-graphql";

/** `{ A: "A", B: "B" }` for the tuple `["A", "B"]`: an object type-graphql can register as an enum. */
export type EnumObject<T extends string> = { readonly [K in T]: K };

/**
 * A GraphQL enum whose values are a charter tuple's, so the charter's union type and
 * the GraphQL enum's values are one type: no cast between them.
 */
export function enumFrom<const T extends string>(values: readonly T[], name: string, description?: string): EnumObject<T> {
  const object = Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as EnumObject<T>;
  registerEnumType(object, { name, ...(description ? { description } : {}) });
  return object;
}

/** Whether `value` is one of `values`: a text from outside (a query string, a flag) narrowed to the set's type, no cast. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** The values of a tuple as an SQL list for a CHECK constraint: `IN ('A', 'B')`. */
export function sqlValueList(values: readonly string[]): string {
  return `IN (${values.map((value) => `'${value}'`).join(", ")})`;
}
