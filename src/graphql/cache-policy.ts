import { Kind, getNamedType, isCompositeType, isInterfaceType, isObjectType } from "graphql";
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLCompositeType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from "graphql";

/** PUBLIC: the same for every caller, cacheable by CDNs; PRIVATE: depends on who asks. */
type CacheScope = "PUBLIC" | "PRIVATE";

export interface CachePolicy {
  scope: CacheScope;
  /** Seconds the answer may be reused; 0: not at all. */
  maxAge: number;
}

interface CacheHint {
  scope?: CacheScope;
  /** Upper bound on the answer's max-age, in seconds. */
  maxAge?: number;
}

/**
 * The schema's cache hints, in one place: an answer takes the configured max-age
 * unless a field it reads says otherwise here. A field marked PRIVATE makes any
 * answer that reads it unshared.
 */
// Empty on purpose. Private fields and drafts depend on the caller's role, not on the
// caller: every PUBLIC or PARTNER caller gets the same nulls, so their answers may be
// shared, and an answer to a key that sees private data is never cached at all (the
// GraphQL route sends it `private, no-store`). `about.today` reads the clock, but the
// response cache's key carries the day.
const CACHE_HINTS: Readonly<Record<string, CacheHint>> = {};

/**
 * An operation's policy, from the fields it selects: the lowest max-age and the
 * narrowest scope of any. Computed once per parsed document (Apollo keeps one
 * DocumentNode per query text), never by hooking every resolved field.
 */
export function cachePolicyOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  defaultMaxAge: number,
): CachePolicy {
  const byDocument = computed.get(document) ?? new Map<OperationDefinitionNode, CachePolicy>();
  computed.set(document, byDocument);
  const known = byDocument.get(operation);
  if (known) return known;
  const policy: CachePolicy =
    operation.operation === "query" ? { scope: "PUBLIC", maxAge: defaultMaxAge } : { scope: "PRIVATE", maxAge: 0 };
  const root = schema.getRootType(operation.operation);
  if (root && operation.operation === "query") {
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    collectHints(schema, operation.selectionSet, root, fragments, new Set(), policy);
  }
  byDocument.set(operation, policy);
  return policy;
}

const computed = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CachePolicy>>();

function collectHints(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
  policy: CachePolicy,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const hint = CACHE_HINTS[`${parent.name}.${selection.name.value}`];
      if (hint?.scope === "PRIVATE") policy.scope = "PRIVATE";
      if (hint?.maxAge !== undefined) policy.maxAge = Math.min(policy.maxAge, hint.maxAge);
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
      const type = field ? getNamedType(field.type) : undefined;
      if (selection.selectionSet && type && isCompositeType(type))
        collectHints(schema, selection.selectionSet, type, fragments, seen, policy);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) collectHints(schema, selection.selectionSet, type, fragments, seen, policy);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
      if (fragment && type && isCompositeType(type)) collectHints(schema, fragment.selectionSet, type, fragments, seen, policy);
    }
  }
}
