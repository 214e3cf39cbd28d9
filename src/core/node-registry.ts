import type { LoaderFactory } from "./loaders";

/**
 * How one object type takes part in global object identification: the key its
 * global ID carries, and the loader that fetches a row by that key. Each module
 * exports its own; the schema assembly joins them.
 */
export interface NodeType<T = unknown> {
  typename: string;
  keyOf: (row: T) => string | number;
  /** Parses the key inside a global ID; null when it cannot be one. */
  parseKey: (key: string) => string | number | null;
  loader: LoaderFactory<string | number, T | null>;
}

export function integerKey(key: string): number | null {
  return /^[1-9]\d{0,9}$/.test(key) && Number(key) <= 2147483647 ? Number(key) : null;
}

export function defineNodeType<T, K extends string | number>(type: {
  typename: string;
  keyOf: (row: T) => K;
  parseKey: (key: string) => K | null;
  loader: LoaderFactory<K, T | null>;
}): NodeType {
  return type as unknown as NodeType;
}
