import { GraphQLObjectType } from "graphql";
import type { GraphQLSchema } from "graphql";
import type { BuildSchemaOptions } from "type-graphql";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import { declareFieldNeeds } from "../core/reads/column-plan";
import { READ_DECLARATIONS, registerEntityTypes } from "../core/reads/read-plan";
import { metadataStorage } from "./direct-resolvers";

/**
 * Collects what each field reads (`@Reads`, core/reads/read-plan.ts) onto the GraphQL
 * type and field it decorates, as type-graphql built them: a field resolver's type is
 * its resolver class's, a property's its own class's. Node types' `id` reads the
 * primary key (`attachGlobalIds` makes it from the key), which every read brings.
 * A declaration that names no field of the schema is refused: a typo would leave the
 * field undeclared and its parent's read whole, silently.
 */
export function collectReadDeclarations(
  schema: GraphQLSchema,
  built: Pick<BuildSchemaOptions, "globalMiddlewares" | "resolvers">,
  nodeTypenames: readonly string[],
): void {
  const resolverClasses: readonly unknown[] = Array.isArray(built.resolvers) ? built.resolvers : [];
  const storage = metadataStorage(built);
  const entities = new Map<string, EntityTarget<ObjectLiteral>>(storage.objectTypes.map((type) => [type.name, type.target]));
  registerEntityTypes(entities);
  for (const typename of nodeTypenames) {
    const entity = entities.get(typename);
    if (entity) declareFieldNeeds(entity, "id", { columns: [] });
  }
  for (const { target, property, needs } of READ_DECLARATIONS) {
    const resolver = storage.fieldResolvers.find((candidate) => candidate.target === target && candidate.methodName === property);
    // A resolver class loaded but not part of this schema (another schema's) declares nothing here.
    if (resolver && !resolverClasses.includes(target)) continue;
    const field = resolver ? undefined : storage.fields.find((candidate) => candidate.target === target && candidate.name === property);
    const owner = resolver ? resolver.getObjectType?.() : field?.target;
    const name = resolver?.schemaName ?? field?.schemaName;
    const typename = storage.objectTypes.find((type) => type.target === owner)?.name;
    const type = typename ? schema.getType(typename) : undefined;
    if (!owner || !name || !(type instanceof GraphQLObjectType) || !type.getFields()[name]) {
      throw new Error(`@Reads on ${target.name}.${property}, which is not a field of an object type in the schema`);
    }
    declareFieldNeeds(owner, name, needs);
  }
}
