import { GraphQLObjectType, GraphQLScalarType } from "graphql";
import type { GraphQLFieldResolver, GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import type { BuildSchemaOptions } from "type-graphql";
import { asOfOrToday } from "../core/as-of";
import { readPlanOfField } from "../core/reads/read-plan";

/**
 * type-graphql wraps every field resolver in a generic one that, per call, sorts and
 * maps its parameter list, runs the (empty) middleware chain and converts each
 * argument through an `async` validator: a field with any argument answers a promise,
 * so graphql-js waits on one per row (a list of 82 governments asking for `name`:
 * 82 promises, 82 `Promise.all`, 82 objects completed asynchronously). For a field
 * resolver with no middleware, no roles, and only root, scalar or enum arguments,
 * context, info and parameters of `core/as-of.ts` (validation is off), that wrapper does nothing but cost: this
 * calls the method directly, worked out once when the schema is built. Anything else
 * (middlewares, authorisation, argument classes, input objects) keeps type-graphql's
 * resolver.
 *
 * Both functions here read type-graphql's metadata through its exported
 * `getMetadataStorage()`, typed as the subset below (tsc checks that type-graphql's
 * own type still has it), and refuse a schema built with global middlewares, which a
 * field left without type-graphql's resolver would skip.
 */

interface ParamMetadata {
  kind: string;
  index: number;
  /** A custom parameter decorator's resolver (`createParameterDecorator`). */
  resolver?: unknown;
  name?: string;
  propertyName?: string;
  getType?: () => unknown;
}

interface FieldResolverMetadata {
  kind: "internal" | "external";
  target: Function;
  methodName: string;
  schemaName: string;
  params?: ParamMetadata[];
  middlewares?: unknown[];
  roles?: unknown[];
  getObjectType?: () => Function;
}

interface TypeMetadata {
  name: string;
  target: Function;
  interfaceClasses?: Function[];
}

interface FieldMetadata {
  /** The property read. */
  name: string;
  /** The field's name in the schema. */
  schemaName: string;
  target: Function;
  roles?: unknown[];
  middlewares?: unknown[];
  params?: unknown[];
}

/** The part of type-graphql's metadata read here. */
interface MetadataStorage {
  fieldResolvers: FieldResolverMetadata[];
  objectTypes: TypeMetadata[];
  inputTypes: TypeMetadata[];
  fields: FieldMetadata[];
}

/** type-graphql's metadata of the schema being built, from a schema built without global middlewares. */
export function metadataStorage(built: Pick<BuildSchemaOptions, "globalMiddlewares">): MetadataStorage {
  if ((built.globalMiddlewares?.length ?? 0) > 0) {
    throw new Error("global middlewares would be skipped by fields called directly: drop directFieldResolvers and plainPropertyFields");
  }
  const storage: MetadataStorage = getMetadataStorage();
  return storage;
}

const SIMPLE_TYPES: unknown[] = [String, Number, Boolean, Date];

/** Parameter resolvers that answer at once from the arguments, the context and the info, with no promise. */
const SYNCHRONOUS_PARAMETERS: ReadonlySet<unknown> = new Set([asOfOrToday, readPlanOfField]);

type Getter = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;

/** How to read one parameter, or null when only type-graphql's resolver can (argument classes, input objects, pubsub…). */
function paramGetter(param: ParamMetadata, storage: MetadataStorage): Getter | null {
  switch (param.kind) {
    case "root":
      // A root typed by a class that is not an instance of it is converted by type-graphql: see `rootIsReady`.
      return param.propertyName ? null : (root) => root;
    case "context":
      return param.propertyName ? null : (_root, _args, context) => context;
    case "info":
      return (_root, _args, _context, info) => info;
    case "arg": {
      const type = param.getType?.();
      const isInput = storage.inputTypes.some((input) => input.target === type);
      const plain = type instanceof GraphQLScalarType || SIMPLE_TYPES.includes(type) || (typeof type === "object" && type !== null);
      const name = param.name!;
      return plain && !isInput ? (_root, args) => args[name] : null;
    }
    case "custom": {
      // Only a resolver known to answer at once: type-graphql awaits what a custom one returns.
      const resolve = param.resolver;
      if (typeof resolve !== "function" || !SYNCHRONOUS_PARAMETERS.has(resolve)) return null;
      return (root, args, context, info) => resolve({ root, args, context, info });
    }
    default:
      return null;
  }
}

/**
 * Whether a root can go to the method as it is: type-graphql passes it unchanged when
 * it is null, a plain value, or an instance of the class the parameter names, and
 * converts it otherwise (a plain object, say) — such calls still go through its resolver.
 */
function rootIsReady(params: readonly ParamMetadata[]): (root: unknown) => boolean {
  const typed = params.find((param) => param.kind === "root")?.getType?.();
  if (typeof typed !== "function" || SIMPLE_TYPES.includes(typed)) return () => true;
  return (root) => root === null || root === undefined || root instanceof typed || SIMPLE_TYPES.includes(root.constructor);
}

/** Replaces the wrapper of every plain field resolver with a direct call; returns how many it replaced. */
export function directFieldResolvers(schema: GraphQLSchema, built: Pick<BuildSchemaOptions, "globalMiddlewares">): number {
  const storage = metadataStorage(built);
  const instances = new Map<Function, Record<string, (...params: unknown[]) => unknown>>();
  let replaced = 0;
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== "external" || (resolver.middlewares?.length ?? 0) > 0 || (resolver.roles?.length ?? 0) > 0) continue;
    const objectClass = resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!(type instanceof GraphQLObjectType)) continue;
    const field = type.getFields()[resolver.schemaName];
    if (!field) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    const getters = params.map((param) => paramGetter(param, storage));
    if (getters.some((getter) => getter === null)) continue;
    let instance = instances.get(resolver.target);
    if (!instance) {
      // Resolver classes hold no state and take no constructor arguments (type-graphql's default container makes them the same way).
      instance = new (resolver.target as new () => Record<string, (...params: unknown[]) => unknown>)();
      instances.set(resolver.target, instance);
    }
    const target = instance;
    const method = target[resolver.methodName];
    const read = getters as Getter[];
    const ready = rootIsReady(params);
    const wrapped = field.resolve!;
    const direct: GraphQLFieldResolver<unknown, unknown> = (root, args, context, info) =>
      ready(root)
        ? method.apply(
            target,
            read.map((get) => get(root, args, context, info)),
          )
        : wrapped(root, args, context, info);
    field.resolve = direct;
    replaced++;
  }
  return replaced;
}

/**
 * Leaves a plain property field to the executor's own read. type-graphql gives every
 * field a resolver, a property's too: it runs the field's (here empty) middleware list
 * around `root[property]`. graphql-jit reads a field with no resolver inline; one with
 * a resolver costs, per row and field, a call through the runtime, a resolve info, the
 * field's path and three closures. What this drops is exactly what type-graphql's `simple: true` drops,
 * decided for every field at once: a field with no resolver method, no middleware
 * (`PrivateField`), no roles and no arguments, whose schema name is its property's
 * (the default read uses the schema name). Returns how many fields it left plain.
 */
export function plainPropertyFields(schema: GraphQLSchema, built: Pick<BuildSchemaOptions, "globalMiddlewares">): number {
  const storage = metadataStorage(built);
  let plain = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const owners = (target: Function) =>
      target === objectType.target || objectType.target.prototype instanceof target || (objectType.interfaceClasses ?? []).includes(target);
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve) continue;
      const declared = storage.fields.filter((metadata) => metadata.schemaName === field.name && owners(metadata.target));
      // The most derived declaration is the one type-graphql built the field from.
      const metadata = declared.find((candidate) => candidate.target === objectType.target) ?? declared[0];
      if (!metadata || (declared.length > 1 && metadata.target !== objectType.target)) continue;
      const hasResolver = storage.fieldResolvers.some(
        (resolver) =>
          resolver.schemaName === field.name &&
          (resolver.getObjectType?.() === metadata.target || resolver.getObjectType?.() === objectType.target),
      );
      const bare =
        !hasResolver &&
        metadata.name === metadata.schemaName &&
        (metadata.middlewares?.length ?? 0) === 0 &&
        (metadata.roles?.length ?? 0) === 0 &&
        (metadata.params?.length ?? 0) === 0 &&
        field.args.length === 0;
      if (!bare) continue;
      field.resolve = undefined;
      plain++;
    }
  }
  return plain;
}
