import { Kind } from "graphql";
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

/**
 * The names of the fields the operation selects on the object at `path` below the
 * field being resolved, through fragments, at every place it occurs (`nodes` and
 * `edges.node` of a connection, say); empty when the path is not selected. Resolvers
 * look ahead with it: to join a relation the client will ask for anyway, or to read
 * only the columns its fields need.
 */
export function selectedFields(info: GraphQLResolveInfo, paths: readonly (readonly string[])[]): Set<string> {
  const names = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, rest: readonly string[]): void => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (rest.length === 0) names.add(selection.name.value);
        else if (selection.name.value === rest[0]) collect(selection.selectionSet, rest.slice(1));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, rest);
      } else {
        collect(info.fragments[selection.name.value]?.selectionSet, rest);
      }
    }
  };
  for (const path of paths) for (const node of info.fieldNodes) collect(node.selectionSet, path);
  return names;
}

/** `selectedFields` on a connection's nodes (reached through `nodes` and `edges.node`), or on their field at `path`. */
export function nodeFields(info: GraphQLResolveInfo, path: readonly string[] = []): Set<string> {
  return selectedFields(info, [
    ["nodes", ...path],
    ["edges", "node", ...path],
  ]);
}

/**
 * What an operation selects below a field, by path (`[]`: the field's own object),
 * for a read that looks ahead more than one level: `(path) => selectedFields(info,
 * prefixes with path)`.
 */
export type Selection = (path: readonly string[]) => ReadonlySet<string>;

/** The `Selection` below `prefixes` of the field being resolved (`[[]]`: its own object). */
export function selectionOf(info: GraphQLResolveInfo, prefixes: readonly (readonly string[])[] = [[]]): Selection {
  return (path) => selectedFields(info, path.length === 0 ? prefixes : prefixes.map((prefix) => [...prefix, ...path]));
}
