/**
 * The one seam between an operation and the reads that answer it. A field says what
 * it reads of its root next to itself (`@Reads`); the declarations are collected when
 * the schema is built (graphql/read-declarations.ts); a resolver that reads rows takes
 * `@ReadPlanOf()`, the plan derived here from the operation, and hands it to its service
 * unchanged. No resolver computes a selection or names an SQL alias.
 */
import { GraphQLObjectType, getNamedType } from "graphql";
import type { FieldNode, GraphQLNamedType, GraphQLResolveInfo } from "graphql";
import { createParameterDecorator } from "type-graphql";
import type { ResolverData } from "type-graphql";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { RequestContext } from "../context";
import type { Lang } from "../i18n";
import { NODES, selectionOf } from "../lookahead";
import type { Selection } from "../lookahead";
import { childrenFor } from "./child-lists";
import { WHOLE_READ, columnsFor, leanReadsOn, nestedFor } from "./column-plan";
import type { ChildLoader, ChildNeed, ColumnNeed, FieldNeeds, ReadPlan } from "./column-plan";

/** A `@Reads` declaration as written: the class and property it decorates, not yet the GraphQL type and field. */
export interface ReadDeclaration {
  readonly target: Function;
  readonly property: string;
  readonly needs: FieldNeeds<unknown>;
}

/** Every `@Reads` of the loaded modules, in the order the classes were defined. */
export const READ_DECLARATIONS: ReadDeclaration[] = [];

/**
 * What the decorated field (a field resolver, or a property getter of an object type)
 * reads of its root, declared where the field is: the columns (`[]` for none but the
 * primary key; a function of the request for a need that depends on it, as a name in
 * a language does), and, as `{ columns, children, nested }`, the child lists a
 * parent's read may bring along for it and the rows a page of the parent may bring
 * in its own statement. A field of an entity that is neither a column nor declared
 * makes the read of its parent take whole rows.
 */
export function Reads<T = ObjectLiteral>(needs: ColumnNeed<T> | FieldNeeds<T>): MethodDecorator & PropertyDecorator {
  const declared: FieldNeeds<T> =
    typeof needs === "function" || Array.isArray(needs) ? { columns: needs as ColumnNeed<T> } : (needs as FieldNeeds<T>);
  return (prototype: object, property: string | symbol) => {
    READ_DECLARATIONS.push({ target: prototype.constructor, property: String(property), needs: declared as FieldNeeds<unknown> });
  };
}

/** The entity behind each GraphQL object type that is one, by the type's name (set when the schema is built). */
const entityOfType = new Map<string, EntityTarget<ObjectLiteral>>();

/** Tells the seam which GraphQL object types are read as which entities: called when the schema is built. */
export function registerEntityTypes(types: ReadonlyMap<string, EntityTarget<ObjectLiteral>>): void {
  for (const [name, entity] of types) entityOfType.set(name, entity);
}

/** Plans derived for a field's nodes of an operation, by language and lean-or-whole. */
const plansByField = new WeakMap<readonly FieldNode[], Map<string, ReadPlan<ObjectLiteral>>>();

/**
 * The read plan of the field being resolved, for the rows it returns (a connection's
 * nodes, a list's items, or the one object): worked out once per field of an
 * operation and language, not once per parent row. It depends on nothing else: the
 * selection below the field's nodes, through the document's fragments (directives
 * are not read), and whether reads are lean, which the equivalence tests switch.
 */
export function readPlanOfField({ info, context }: ResolverData<RequestContext>): ReadPlan<ObjectLiteral> {
  const key = leanReadsOn() ? context.preferredLang : `${context.preferredLang} whole`;
  let byKey = plansByField.get(info.fieldNodes);
  if (!byKey) plansByField.set(info.fieldNodes, (byKey = new Map()));
  let plan = byKey.get(key);
  if (!plan) {
    const returned = getNamedType(info.returnType);
    const nodes = returned instanceof GraphQLObjectType && isConnection(returned) ? getNamedType(returned.getFields()["nodes"].type) : null;
    plan = nodes
      ? countedIfAsked(planAt(context, info, nodes, NODES), selectionOf(info, context.preferredLang))
      : planAt(context, info, returned, [[]]);
    byKey.set(key, plan);
  }
  return plan;
}

/** A Relay connection of the hub's: its rows are its `nodes` (and `edges.node`). */
function isConnection(type: GraphQLObjectType): boolean {
  const fields = type.getFields();
  return "nodes" in fields && "edges" in fields && "pageInfo" in fields;
}

/** A connection's plan, marked `counted` when the operation asks the connection for its `totalCount`. */
function countedIfAsked(plan: ReadPlan<ObjectLiteral>, connection: Selection): ReadPlan<ObjectLiteral> {
  return connection.at([]).fields.has("totalCount") ? { ...plan, counted: true } : plan;
}

/** The plan for rows of `type` at `prefixes` below the field being resolved. */
function planAt(
  context: RequestContext,
  info: GraphQLResolveInfo,
  type: GraphQLNamedType,
  prefixes: readonly (readonly string[])[],
): ReadPlan<ObjectLiteral> {
  const dataSource = context.em.connection;
  const entity = type instanceof GraphQLObjectType ? entityOfType.get(type.name) : undefined;
  if (!entity || !(type instanceof GraphQLObjectType) || !dataSource.hasMetadata(entity)) return WHOLE_READ;
  const lang: Lang = context.preferredLang;
  const selection = selectionOf(info, lang, prefixes);
  const asked = selection.at([]);
  const fieldPlans = new Map<string, ReadPlan<ObjectLiteral>>();
  const planOfField = (field: string): ReadPlan<ObjectLiteral> => {
    let plan = fieldPlans.get(field);
    if (!plan) {
      const fieldType = getNamedType(type.getFields()[field].type);
      fieldPlans.set(
        field,
        (plan = planAt(
          context,
          info,
          fieldType,
          prefixes.map((prefix) => [...prefix, field]),
        )),
      );
    }
    return plan;
  };
  const childLists = new Map<readonly ChildNeed[], readonly ChildLoader[]>();
  return {
    columns: columnsFor(dataSource, entity, asked),
    children(first = NONE) {
      let lists = childLists.get(first);
      if (!lists) childLists.set(first, (lists = childrenFor(dataSource, entity, selection, first)));
      return lists;
    },
    nested: nestedFor(entity, asked.fields, planOfField),
    relation: (field) => (asked.fields.has(field) ? planOfField(field) : null),
    counted: false,
  };
}

const NONE: readonly ChildNeed[] = [];

/**
 * The read plan of the rows the field returns (`readPlanOfField`): what its service
 * reads for the operation, passed on unchanged.
 */
export function ReadPlanOf(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator(readPlanOfField);
}
