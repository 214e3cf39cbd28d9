import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { composeServices } from "@theguild/federation-composition";
import { PARTNER_SDL } from "../../bench/fixtures/partner-subgraph";
import { MAX_REPRESENTATIONS } from "../../src/graphql/federation.resolver";
import { printSubgraphSchema } from "../../src/graphql/schema";
import { useTestHub } from "../support/hub";
import { REPO_ROOT } from "../support/paths";

/**
 * The hub as an Apollo Federation 2 subgraph (docs/federation.md): its SDL composes
 * with a partner's subgraph that extends Government, and `_entities` answers a
 * gateway's batch through the loaders, with the hub's errors, limits and keys.
 */
const hub = useTestHub();

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Government { slug name { text } country { code } contact }
    ... on Country { code name { text } }
    ... on Committee { slug number }
    ... on PartnerOrganisation { slug }
  }
}`;

interface EntitiesAnswer {
  _entities: (Record<string, unknown> | null)[];
}

describe("the hub as a Federation 2 subgraph", () => {
  it("composes with a partner's subgraph that adds fields to Government", () => {
    const composed = composeServices([
      { name: "near", typeDefs: parse(printSubgraphSchema()), url: "http://127.0.0.1:4000/graphql" },
      { name: "partner", typeDefs: parse(PARTNER_SDL), url: "http://127.0.0.1:4001/graphql" },
    ]);
    expect(composed.errors?.map((error) => error.message)).toBeUndefined();
    expect(composed.publicSdl).toMatch(/type Government implements Node \{[^}]*partnerProjects: \[PartnerProject!\]!/s);
    // A subgraph that redefines one of the hub's value types without marking it cannot compose: the hub marks what it shares.
    const clash = composeServices([
      { name: "near", typeDefs: parse(printSubgraphSchema()), url: "http://127.0.0.1:4000/graphql" },
      { name: "other", typeDefs: parse(`${PARTNER_SDL}\ntype Reason { code: String! }`), url: "http://127.0.0.1:4002/graphql" },
    ]);
    expect(clash.errors?.map((error) => error.message).join("\n")).toMatch(/Reason\.code/);
  });

  it("answers _service { sdl } with schema/subgraph.graphql", async () => {
    const result = await hub.run<{ _service: { sdl: string } }>("{ _service { sdl } }");
    expect(result.data?._service.sdl).toBe(readFileSync(join(REPO_ROOT, "schema", "subgraph.graphql"), "utf8"));
    expect(result.data?._service.sdl).toMatch(/type Government implements Node @key\(fields: "id"\) @key\(fields: "slug"\)/);
  });

  it("resolves 50 representations of four types by five keys in one statement per key", async () => {
    const seen = await hub.run<{
      governments: { nodes: { id: string; slug: string }[] };
      countries: { nodes: { code: string }[] };
      committees: { nodes: { number: number | null; slug: string }[] };
      partners: { nodes: { slug: string }[] };
    }>(`{
      governments(first: 35) { nodes { id slug } }
      countries(first: 6) { nodes { code } }
      committees(first: 30, filter: { kinds: [SPECIALISED] }) { nodes { number slug } }
      partners(first: 4) { nodes { slug } }
    }`);
    expect(seen.errors).toBeUndefined();
    const { governments, countries, committees, partners } = seen.data!;
    const representations = [
      ...governments.nodes.slice(0, 20).map((g) => ({ __typename: "Government", id: g.id })),
      ...governments.nodes.slice(20, 35).map((g) => ({ __typename: "Government", slug: g.slug })),
      ...countries.nodes.map((c) => ({ __typename: "Country", code: c.code })),
      ...committees.nodes.slice(0, 5).map((c) => ({ __typename: "Committee", number: c.number })),
      ...partners.nodes.map((p) => ({ __typename: "PartnerOrganisation", slug: p.slug })),
    ];
    expect(representations).toHaveLength(50);
    const { result, statements } = await hub.countStatements<EntitiesAnswer>(ENTITIES, { representations });
    expect(result.errors).toBeUndefined();
    const answered = result.data!._entities;
    expect(answered.map((entity) => entity?.__typename)).toEqual(representations.map((r) => r.__typename));
    expect(answered.slice(0, 35).map((entity) => entity?.["slug"])).toEqual(governments.nodes.map((g) => g.slug));
    expect(answered.slice(35, 41).map((entity) => entity?.["code"])).toEqual(countries.nodes.map((c) => c.code));
    expect(answered.slice(41, 46).map((entity) => entity?.["number"])).toEqual(committees.nodes.slice(0, 5).map((c) => c.number));
    // Governments by id and by slug, countries by code (with the governments' countries), committees by number, partners by slug.
    expect(statements).toBe(5);
  });

  it("answers null, with an error naming it, for a representation of nothing in the graph", async () => {
    const result = await hub.run<EntitiesAnswer>(ENTITIES, {
      representations: [
        { __typename: "Government", slug: "kr-gyeongbuk" },
        { __typename: "Government", slug: "no-such-government" },
        { __typename: "Mayor", slug: "x" },
        { __typename: "Committee", number: 99 },
      ],
    });
    expect(result.data?._entities.map((entity) => entity?.["slug"] ?? null)).toEqual(["kr-gyeongbuk", null, null, null]);
    expect(result.errors?.map((error) => [error.path, error.extensions?.["code"], error.message])).toEqual([
      [["_entities", 1], "NOT_FOUND", 'representations[1]: no Government has slug "no-such-government" in the NEAR graph'],
      [
        ["_entities", 2],
        "BAD_USER_INPUT",
        'representations[2]: "Mayor" is not an entity of the NEAR graph (its entities: Government, Country, Committee, PartnerOrganisation)',
      ],
      [["_entities", 3], "NOT_FOUND", "representations[3]: no Committee has number 99 in the NEAR graph"],
    ]);
  });

  it.each([
    ["not an object", ["Government"], "representations[0] must be an object with __typename and the fields of one of its keys"],
    ["no __typename", [{ slug: "kr-gyeongbuk" }], "representations[0] has no __typename"],
    ["no key", [{ __typename: "Government", name: "x" }], "representations[0]: a Government representation needs its id or slug"],
    ["a key of the wrong type", [{ __typename: "Committee", number: "7" }], 'representations[0]: "7" cannot be the number of a Committee'],
    ["an ID of another type", [{ __typename: "Government", id: "bmVhcjpDb3VudHJ5OktS" }], /cannot be the id of a Government/],
  ])("refuses a malformed representation (%s) as BAD_USER_INPUT", async (_case, representations, message) => {
    const result = await hub.run<EntitiesAnswer>(ENTITIES, { representations });
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.["code"])).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0].message).toMatch(message);
  });

  it(`refuses more than ${MAX_REPRESENTATIONS} representations at once`, async () => {
    const representations = Array.from({ length: MAX_REPRESENTATIONS + 1 }, () => ({ __typename: "Country", code: "KR" }));
    const result = await hub.run<EntitiesAnswer>(`query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, {
      r: representations,
    });
    expect(result.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([
      ["BAD_USER_INPUT", `Argument "representations" holds ${MAX_REPRESENTATIONS + 1}; at most ${MAX_REPRESENTATIONS} are allowed`],
    ]);
  });

  it("prices a batch by its representations, so the cost limit holds for a gateway's batches", async () => {
    const heavy = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Government { memberships { kind } committees { slug coordinatorHistory { startedOn } meetings { title } } } } }`;
    const one = await hub.run(heavy, { r: [{ __typename: "Government", slug: "kr-gyeongbuk" }] });
    expect(one.errors).toBeUndefined();
    const many = await hub.run(heavy, {
      r: Array.from({ length: MAX_REPRESENTATIONS }, () => ({ __typename: "Government", slug: "kr-gyeongbuk" })),
    });
    expect(many.errors?.map((error) => [error.extensions?.["code"], error.extensions?.["limit"]])).toEqual([
      ["OPERATION_LIMIT_EXCEEDED", "cost"],
    ]);
  });

  it("gives a private field to the caller whose key may read it, as any query does", async () => {
    const representations = [{ __typename: "Government", slug: "kr-gyeongbuk" }];
    await hub.withEntityManager((em) => em.query(`UPDATE government SET contact = 'International Relations' WHERE slug = 'kr-gyeongbuk'`));
    const asPublic = await hub.run<EntitiesAnswer>(ENTITIES, { representations });
    const asSecretariat = await hub.run<EntitiesAnswer>(ENTITIES, { representations }, { as: "SECRETARIAT" });
    expect([asPublic.data?._entities[0]?.["contact"], asSecretariat.data?._entities[0]?.["contact"]]).toEqual([
      null,
      "International Relations",
    ]);
  });
});
