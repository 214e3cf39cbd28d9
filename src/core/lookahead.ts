import { Kind } from "graphql";
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

/**
 * Whether the operation selects `path` below the field being resolved (through inline
 * fragments and fragment spreads): a resolver looks ahead to load a relation in the
 * same statement when the client will ask for it anyway.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const walk = (set: SelectionSetNode | undefined, rest: readonly string[]): boolean => {
    if (!set) return false;
    if (rest.length === 0) return true;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === rest[0] && walk(selection.selectionSet, rest.slice(1))) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (walk(selection.selectionSet, rest)) return true;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment && walk(fragment.selectionSet, rest)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => walk(node.selectionSet, path));
}

/**
 * The names of the fields the operation selects on the object at `path` below the
 * field being resolved, through fragments, at every place it occurs (`nodes` and
 * `edges.node` of a connection, say); empty when the path is not selected.
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
