import { Field, ID, InterfaceType } from "type-graphql";
import { InputError } from "./errors";

/** Relay's global object identification: every object has an opaque, stable `id`. */
@InterfaceType("Node", { description: "An object with a globally unique, opaque ID; `node(id:)` fetches it again." })
export abstract class Node {
  @Field(() => ID)
  id: string;
}

const PREFIX = "near:";

/** The global ID of row `key` of type `typename`: opaque to clients, stable for the row. */
export function toGlobalId(typename: string, key: number | string): string {
  return Buffer.from(`${PREFIX}${typename}:${key}`, "utf8").toString("base64url");
}

/** The type and key a global ID names, or null when it is not one of ours. */
export function fromGlobalId(id: string): { typename: string; key: string } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const text = Buffer.from(id, "base64url").toString("utf8");
  if (!text.startsWith(PREFIX)) return null;
  const rest = text.slice(PREFIX.length);
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon === rest.length - 1) return null;
  return { typename: rest.slice(0, colon), key: rest.slice(colon + 1) };
}

/**
 * The key of a global ID that must name a `typename` with an integer key: the
 * argument's value, or BAD_USER_INPUT naming `argumentName`.
 */
export function integerKeyOf(id: string, typename: string, argumentName: string): number {
  const parsed = fromGlobalId(id);
  if (!parsed || parsed.typename !== typename || !/^\d+$/.test(parsed.key)) {
    throw new InputError(`${argumentName}: "${id}" is not the ID of a ${typename.toLowerCase()}`, argumentName);
  }
  return Number(parsed.key);
}
