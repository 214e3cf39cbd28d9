import "reflect-metadata";
import { GraphQLObjectType, lexicographicSortSchema, printSchema } from "graphql";
import type { GraphQLSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";
import type { BuildSchemaOptions } from "type-graphql";
import type { NonEmptyArray, PubSub } from "type-graphql";
import { toGlobalId } from "../core/node";
import { directFieldResolvers, plainPropertyFields } from "./direct-resolvers";
import { collectReadDeclarations } from "./read-declarations";
import type { EntityType } from "../core/entity-registry";
import type { NodeType } from "../core/node-registry";
import { accessResolvers, authChecker } from "../modules/access";
import { admissionResolvers } from "../modules/admission";
import { ambassadorNodeTypes, ambassadorResolvers } from "../modules/ambassador";
import { associationResolvers } from "../modules/association";
import { budgetReviewResolvers } from "../modules/budget-review";
import { chairResolvers } from "../modules/chair";
import { committeeEntityTypes, committeeNodeTypes, committeeResolvers } from "../modules/committee";
import { coordinationResolvers } from "../modules/coordination";
import { costSharesResolvers } from "../modules/cost-shares";
import { countryEntityTypes, countryNodeTypes, countryResolvers } from "../modules/country";
import { duesNodeTypes } from "../modules/dues";
import { eventNodeTypes, eventResolvers } from "../modules/event";
import { governmentEntityTypes, governmentNodeTypes, governmentResolvers } from "../modules/government";
import { ledgerResolvers } from "../modules/ledger";
import { liveResolvers } from "../modules/live";
import { webhookResolvers } from "../modules/webhooks";
import { meetingNodeTypes, meetingResolvers } from "../modules/meeting";
import { membershipNodeTypes, membershipResolvers } from "../modules/membership";
import { namesResolvers } from "../modules/names";
import { statsResolvers } from "../modules/stats";
import { partnerEntityTypes, partnerNodeTypes, partnerResolvers } from "../modules/partner";
import { rightsResolvers } from "../modules/rights";
import { secretariatNodeTypes, secretariatResolvers } from "../modules/secretariat";
import { attachEntityTypeResolution, federationResolver, subgraphSdl } from "./federation.resolver";
import { nodeResolver } from "./node.resolver";
import { withAsKnownOn } from "./temporal.plugin";

const NODE_TYPES: readonly NodeType[] = [
  ...countryNodeTypes,
  ...governmentNodeTypes,
  ...membershipNodeTypes,
  ...committeeNodeTypes,
  ...secretariatNodeTypes,
  ...ambassadorNodeTypes,
  ...partnerNodeTypes,
  ...eventNodeTypes,
  ...duesNodeTypes,
  ...meetingNodeTypes,
];

/** The types other subgraphs may extend, and the keys they join them on (docs/federation.md). */
const ENTITY_TYPES: readonly EntityType[] = [
  ...governmentEntityTypes,
  ...countryEntityTypes,
  ...committeeEntityTypes,
  ...partnerEntityTypes,
];

/** Gives every Node type its `id`: the global ID of its key, so no module writes that resolver. */
function attachGlobalIds(schema: GraphQLSchema, nodeTypes: readonly NodeType[]): void {
  for (const nodeType of nodeTypes) {
    const type = schema.getType(nodeType.typename);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`Node type ${nodeType.typename} is not in the schema`);
    const idField = type.getFields()["id"];
    if (!idField) throw new Error(`Node type ${nodeType.typename} has no id field`);
    idField.resolve = (row: unknown) => toGlobalId(nodeType.typename, nodeType.keyOf(row));
  }
}

let cached: GraphQLSchema | null = null;

/** Every module's resolvers, and the node query over their node types. */
function hubResolvers(): Function[] {
  return [
    ...accessResolvers,
    ...associationResolvers,
    ...countryResolvers,
    ...governmentResolvers,
    ...membershipResolvers,
    ...committeeResolvers,
    ...secretariatResolvers,
    ...ambassadorResolvers,
    ...partnerResolvers,
    ...eventResolvers,
    ...meetingResolvers,
    ...rightsResolvers,
    ...chairResolvers,
    ...coordinationResolvers,
    ...costSharesResolvers,
    ...budgetReviewResolvers,
    ...namesResolvers,
    ...admissionResolvers,
    ...ledgerResolvers,
    ...liveResolvers,
    ...webhookResolvers,
    ...statsResolvers,
    nodeResolver(NODE_TYPES),
    federationResolver(ENTITY_TYPES),
  ];
}

/** The one place the schema is assembled: every module's resolvers and node types. */
export function buildHubSchema(): GraphQLSchema {
  cached ??= assemble(hubResolvers());
  return cached;
}

/**
 * The hub's schema with resolver classes of `extra` added, as a module's new resolvers
 * join it (test/graphql/read-recipe.test.ts follows docs/architecture.md's recipe with it).
 */
export function buildHubSchemaWith(extra: readonly Function[]): GraphQLSchema {
  return assemble([...hubResolvers(), ...extra]);
}

/**
 * type-graphql asks every schema with subscriptions for a PubSub. None of the hub's
 * uses topics: each gives its own `subscribe`, over the transport's feed of committed
 * changes (src/http/live.ts), so this one only says so if a topic is ever asked for.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error("Subscriptions here read committed changes from their LiveFeed: publish through runMutation's changes");
  },
  subscribe: () => {
    throw new Error("Subscriptions here give their own `subscribe` over the LiveFeed: topics are not used");
  },
};

function assemble(resolvers: Function[]): GraphQLSchema {
  const options: BuildSchemaOptions = {
    resolvers: resolvers as NonEmptyArray<Function>,
    validate: false,
    authChecker,
    authMode: "error",
    pubSub: NO_TOPICS,
  };
  const schema = withAsKnownOn(buildSchemaSync(options));
  // Both refuse a schema with global middlewares, which fields called directly would skip.
  directFieldResolvers(schema, options);
  plainPropertyFields(schema, options);
  attachGlobalIds(schema, NODE_TYPES);
  attachEntityTypeResolution(schema);
  collectReadDeclarations(
    schema,
    options,
    NODE_TYPES.map((type) => type.typename),
  );
  return schema;
}

/** The SDL checked in at schema/schema.graphql: sorted, so diffs show real changes only. */
export function printHubSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildHubSchema()))}\n`;
}

/** The subgraph SDL checked in at schema/subgraph.graphql: what `_service { sdl }` answers a gateway. */
export function printSubgraphSchema(): string {
  return subgraphSdl(buildHubSchema(), ENTITY_TYPES);
}
