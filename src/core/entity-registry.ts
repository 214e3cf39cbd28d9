import type { ClassType } from "type-graphql";
import type { LoaderFactory } from "./loaders";
import { fromGlobalId } from "./node";
import type { NodeType } from "./node-registry";

/**
 * One field another subgraph may join an entity on (`@key(fields: "…")` in the
 * subgraph's SDL), and how the hub fetches the entity by it: through the same loader
 * a query uses, so a gateway's batch of representations costs a statement per key.
 */
export interface EntityKey {
  field: string;
  /** The key's value in a representation, as the loader takes it; null when it cannot be one. */
  parse: (value: unknown) => string | number | null;
  loader: LoaderFactory<string | number, unknown>;
}

/**
 * An object type a partner's subgraph may extend with its own fields (docs/federation.md):
 * its class and its keys. Each module declares its own; the schema assembly joins them.
 */
export interface EntityType {
  typename: string;
  type: ClassType;
  keys: readonly EntityKey[];
}

export function defineEntityKey<K extends string | number, T>(key: {
  field: string;
  parse: (value: unknown) => K | null;
  loader: LoaderFactory<K, T | null>;
}): EntityKey {
  return key;
}

/** A text key (a slug, a country code): a non-empty string of at most 200 characters. */
export function textKey(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 && value.length <= 200 ? value : null;
}

/** A positive integer key (a committee's number). */
export function positiveIntegerKey(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= 2147483647 ? value : null;
}

/** The `id` key of a Node type: its global ID, fetched as `node(id:)` fetches it. */
export function globalIdKey(nodeType: NodeType): EntityKey {
  return {
    field: "id",
    parse: (value) => {
      const parsed = typeof value === "string" ? fromGlobalId(value) : null;
      return parsed !== null && parsed.typename === nodeType.typename ? nodeType.parseKey(parsed.key) : null;
    },
    loader: nodeType.loader,
  };
}
