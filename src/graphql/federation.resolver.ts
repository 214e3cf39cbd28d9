import {
  GraphQLScalarType,
  GraphQLUnionType,
  Kind,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  valueFromASTUntyped,
} from "graphql";
import type { ConstDirectiveNode, DefinitionNode, GraphQLResolveInfo, GraphQLSchema } from "graphql";
import { Arg, Ctx, Field, Info, ObjectType, Query, Resolver, createUnionType } from "type-graphql";
import type { RequestContext } from "../core/context";
import type { EntityType } from "../core/entity-registry";
import { InputError, NotFoundError } from "../core/errors";

/**
 * The hub as an Apollo Federation 2 subgraph (docs/federation.md): `_service { sdl }`
 * gives the SDL a gateway composes, with a `@key` on every entity a partner may join
 * on, and `_entities` fetches the entities a gateway names, through the loaders every
 * query uses. Both are ordinary root fields: the operation limits, the cost, the
 * deadline and the caller's key hold for them as for any other.
 */
const FEDERATION_VERSION = "https://specs.apollo.dev/federation/v2.3";

/** The representations one `_entities` call may ask for: a gateway's batch, never a dump of the graph. */
export const MAX_REPRESENTATIONS = 500;

/** What only the subgraph protocol uses: left out of the SDL a gateway composes (it adds its own). */
const PROTOCOL_TYPES = new Set(["_Any", "_Entity", "_Service"]);
const PROTOCOL_FIELDS = new Set(["_service", "_entities"]);

/** Value types other subgraphs commonly define the same: they may resolve them too. */
const SHAREABLE_TYPES = new Set(["PageInfo"]);

const AnyScalar = new GraphQLScalarType({
  name: "_Any",
  description: "An entity representation: its `__typename` and the fields of one of its keys.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

@ObjectType("_Service", { description: "This subgraph as a gateway composes it." })
class ServiceType {
  @Field(() => String, { description: "The subgraph's SDL, with its Federation 2 directives (schema/subgraph.graphql)." })
  sdl: string;
}

function directive(name: string, fields?: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments:
      fields === undefined
        ? []
        : [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "fields" }, value: { kind: Kind.STRING, value: fields } }],
  };
}

const sdlOfSchema = new WeakMap<GraphQLSchema, string>();

/** The subgraph's SDL: the schema as printed, with the entities' keys, without the protocol's own types and fields. */
export function subgraphSdl(schema: GraphQLSchema, entityTypes: readonly EntityType[]): string {
  const known = sdlOfSchema.get(schema);
  if (known !== undefined) return known;
  const keys = new Map(entityTypes.map((entity) => [entity.typename, entity.keys.map((key) => key.field)]));
  const definitions = parse(printSchema(lexicographicSortSchema(schema))).definitions.flatMap((definition): DefinitionNode[] => {
    if (!("name" in definition) || definition.name === undefined) return [definition];
    const name = definition.name.value;
    if (PROTOCOL_TYPES.has(name)) return [];
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return [definition];
    const directives = [
      ...(definition.directives ?? []),
      ...(keys.get(name) ?? []).map((field) => directive("key", field)),
      ...(SHAREABLE_TYPES.has(name) ? [directive("shareable")] : []),
    ];
    const fields = name === "Query" ? definition.fields?.filter((field) => !PROTOCOL_FIELDS.has(field.name.value)) : definition.fields;
    return [{ ...definition, directives, fields }];
  });
  const sdl = `extend schema @link(url: "${FEDERATION_VERSION}", import: ["@key", "@shareable"])\n\n${print({ kind: Kind.DOCUMENT, definitions })}\n`;
  sdlOfSchema.set(schema, sdl);
  return sdl;
}

/** Each entity `_entities` answers, with the type it was asked as: a loader's row need not be an instance of the type's class. */
const typenameOf = new WeakMap<object, string>();

/**
 * Gives `_Entity` its type resolution: the type each row was asked as. Set on the built
 * schema, as a plain function: graphql-jit, which executes most operations
 * (src/graphql/executor.ts), does not wait for the promise type-graphql's own would return.
 */
export function attachEntityTypeResolution(schema: GraphQLSchema): void {
  const union = schema.getType("_Entity");
  if (!(union instanceof GraphQLUnionType)) throw new Error("the schema has no _Entity union");
  union.resolveType = (value) => typenameOf.get(value as object);
}

/** `_service` and `_entities` over every module's entity types. */
export function federationResolver(entityTypes: readonly EntityType[]) {
  const byTypename = new Map(entityTypes.map((entity) => [entity.typename, entity]));
  const names = [...byTypename.keys()].join(", ");
  const EntityUnion = createUnionType({
    name: "_Entity",
    description: "Every type other subgraphs may join on.",
    types: () => entityTypes.map((entity) => entity.type),
  });

  /** One representation's entity: the row, an error in its place (null with the error at its path), or a refusal of the whole call. */
  async function entityOf(representation: unknown, index: number, ctx: RequestContext): Promise<unknown> {
    const at = `representations[${index}]`;
    if (typeof representation !== "object" || representation === null || Array.isArray(representation))
      throw new InputError(`${at} must be an object with __typename and the fields of one of its keys`, "representations");
    const fields = representation as Record<string, unknown>;
    const typename = fields["__typename"];
    if (typeof typename !== "string") throw new InputError(`${at} has no __typename`, "representations");
    const entity = byTypename.get(typename);
    if (!entity)
      return new InputError(`${at}: "${typename}" is not an entity of the NEAR graph (its entities: ${names})`, "representations");
    const key = entity.keys.find((candidate) => candidate.field in fields);
    if (!key) {
      const accepted = entity.keys.map((candidate) => candidate.field).join(" or ");
      throw new InputError(`${at}: a ${typename} representation needs its ${accepted}`, "representations");
    }
    const value = key.parse(fields[key.field]);
    const written = JSON.stringify(fields[key.field]) ?? "undefined";
    const shown = written.length > 80 ? `${written.slice(0, 77)}…` : written;
    if (value === null) throw new InputError(`${at}: ${shown} cannot be the ${key.field} of a ${typename}`, "representations");
    const row = await ctx.loaders.get(key.loader).load(value);
    if (row !== null && typeof row === "object") typenameOf.set(row, typename);
    return row ?? new NotFoundError(`${at}: no ${typename} has ${key.field} ${shown} in the NEAR graph`, "representations");
  }

  @Resolver()
  class FederationResolver {
    @Query(() => ServiceType, { name: "_service", description: "This subgraph as a gateway composes it (Apollo Federation 2)." })
    service(@Info() info: GraphQLResolveInfo): ServiceType {
      return { sdl: subgraphSdl(info.schema, entityTypes) };
    }

    @Query(() => [EntityUnion], {
      name: "_entities",
      nullable: "items",
      description: `The entities a gateway names, in its order; null, with an error naming it, for one not in the graph. At most ${MAX_REPRESENTATIONS}.`,
    })
    entities(@Arg("representations", () => [AnyScalar]) representations: unknown[], @Ctx() ctx: RequestContext): Promise<unknown[]> {
      if (representations.length > MAX_REPRESENTATIONS)
        throw new InputError(
          `Argument "representations" holds ${representations.length}; at most ${MAX_REPRESENTATIONS} are allowed`,
          "representations",
        );
      return Promise.all(representations.map((representation, index) => entityOf(representation, index, ctx)));
    }
  }
  return FederationResolver;
}
