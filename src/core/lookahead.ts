import { Kind } from "graphql";
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";
import type { Lang } from "./i18n";

/**
 * The names of the fields the operation selects on the object at each of `paths` below
 * the field being resolved, through fragments, at every place it occurs (`nodes` and
 * `edges.node` of a connection, say), and those of them given an argument in at least
 * one place; empty when no path is selected.
 */
function collectFields(
  info: GraphQLResolveInfo,
  paths: readonly (readonly string[])[],
): { names: Set<string>; withArguments: Set<string> } {
  const names = new Set<string>();
  const withArguments = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, rest: readonly string[]): void => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (rest.length === 0) {
          names.add(selection.name.value);
          if (selection.arguments?.length) withArguments.add(selection.name.value);
        } else if (selection.name.value === rest[0]) collect(selection.selectionSet, rest.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, rest);
      } else {
        collect(info.fragments[selection.name.value]?.selectionSet, rest);
      }
    }
  };
  for (const path of paths) for (const node of info.fieldNodes) collect(node.selectionSet, path);
  return { names, withArguments };
}

/** A connection's nodes: reached through `nodes` and `edges.node`. */
export const NODES: readonly (readonly string[])[] = [["nodes"], ["edges", "node"]];

/** What a read of one object needs to know of the operation to pick its columns (`columnsFor`). */
export interface FieldsAsked {
  /** The fields selected on it. */
  readonly fields: ReadonlySet<string>;
  /** Those given an argument somewhere: a field whose answer depends on its arguments (a name in a language) may need more of its row. */
  readonly withArguments: ReadonlySet<string>;
  /** The language the request's names answer in where a field names none (Accept-Language, else English). */
  readonly lang: Lang;
}

/**
 * What an operation selects below a field, by path (`[]`: the field's own object),
 * for a read that looks ahead more than one level.
 */
export interface Selection {
  at(path: readonly string[]): FieldsAsked;
}

/** The `Selection` below `prefixes` of the field being resolved (`[[]]`: its own object), for a request answering in `lang`. */
export function selectionOf(info: GraphQLResolveInfo, lang: Lang, prefixes: readonly (readonly string[])[] = [[]]): Selection {
  // Each path walked once: a read asks for its own fields and again for its child lists'.
  const asked = new Map<string, FieldsAsked>();
  return {
    at(path) {
      const key = path.join(".");
      let fields = asked.get(key);
      if (!fields) {
        const { names, withArguments } = collectFields(info, path.length === 0 ? prefixes : prefixes.map((prefix) => [...prefix, ...path]));
        asked.set(key, (fields = { fields: names, withArguments, lang }));
      }
      return fields;
    },
  };
}
