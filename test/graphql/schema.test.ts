import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths";
import type { GraphQLObjectType } from "graphql";
import { buildHubSchema, printHubSchema, printSubgraphSchema } from "../../src/graphql/schema";

describe("schema/schema.graphql", () => {
  it("is the SDL the code builds (run `npm run schema:print` after changing the graph)", () => {
    const checkedIn = readFileSync(join(REPO_ROOT, "schema", "schema.graphql"), "utf8");
    expect(checkedIn).toBe(printHubSchema());
  });
});

describe("schema/subgraph.graphql", () => {
  it("is the subgraph SDL `_service { sdl }` answers (run `npm run schema:print` after changing the graph)", () => {
    const checkedIn = readFileSync(join(REPO_ROOT, "schema", "subgraph.graphql"), "utf8");
    expect(checkedIn).toBe(printSubgraphSchema());
  });
});

describe("the hub's plain property fields (src/graphql/direct-resolvers.ts)", () => {
  it("are read by the executor, while private and renamed fields keep their resolvers", () => {
    const schema = buildHubSchema();
    const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];
    expect(field("Membership", "kind").resolve).toBeUndefined();
    expect(field("Government", "slug").resolve).toBeUndefined();
    // PrivateField's middleware hides a contact from the public.
    expect(field("Government", "contact").resolve).toBeDefined();
    // Named apart from its property (totalCountField).
    expect(field("GovernmentConnection", "totalCount").resolve).toBeDefined();
  });
});
