import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, parse } from "graphql";
import type { GraphQLUnionType, OperationDefinitionNode } from "graphql";
import { needsGraphqlJs } from "../../src/graphql/executor";
import { useTestHub } from "../support/hub";
import { REPO_ROOT } from "../support/paths";

/**
 * Operations run on graphql-jit (src/graphql/executor.ts), except those it would answer
 * differently from graphql-js: an input object's defaulted field, written in the
 * document or sent as a variable, must reach the resolver with its default; a bad
 * variable is refused as graphql-js refuses it; a resolver's failure keeps its path.
 * A filter has no defaulted field, so graphql-jit runs it, and answers it as graphql-js
 * does in each way a client can give it.
 */
describe("the executor answers as graphql-js does", () => {
  const hub = useTestHub();
  const event = { titleEn: "Executor check", kind: "FORUM", startsOn: "2020-06-01", source: "test" };

  it("fills an input object's defaulted field, written in the document or sent as a variable", async () => {
    const written = await hub.run<{ recordEvent: { event: { draft: boolean } } }>(
      `mutation { recordEvent(input: { titleEn: "Executor check", kind: FORUM, startsOn: "2020-06-01", source: "test" }) {
         ... on EventWriteSuccess { event { draft } } } }`,
      undefined,
      { as: "SECRETARIAT" },
    );
    expect(written.errors).toBeUndefined();
    expect(written.data?.recordEvent.event.draft).toBe(false);
    const sent = await hub.run<{ recordEvent: { event: { draft: boolean } } }>(
      `mutation ($input: EventInput!) { recordEvent(input: $input) { ... on EventWriteSuccess { event { draft } } } }`,
      { input: { ...event, titleEn: "Executor check 2" } },
      { as: "SECRETARIAT" },
    );
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.recordEvent.event.draft).toBe(false);
  });

  it("leaves to graphql-js exactly the operations that give an input object with defaulted fields, at any depth, or select a union resolved asynchronously", () => {
    const schema = buildSchema(`
      input Defaulted { x: Int = 1 }
      input Holding { inner: [Defaulted!] }
      input Plain { y: Int, list: [Int!] }
      type A { a: Int }
      type B { b: Int }
      union Later = A | B
      union Now = A | B
      type Query { f(d: Defaulted, h: Holding, p: Plain, n: Int): Int, later: [Later], now: Now }
    `);
    (schema.getType("Later") as GraphQLUnionType).resolveType = async () => "A";
    (schema.getType("Now") as GraphQLUnionType).resolveType = () => "A";
    const verdict = (text: string) => {
      const document = parse(text);
      return needsGraphqlJs(schema, document, document.definitions[0] as OperationDefinitionNode);
    };
    expect(
      Object.fromEntries(
        [
          "{ f(d: {}) }",
          "{ f(h: { inner: [{ x: 2 }] }) }",
          "{ f(h: {}) }",
          "query ($d: Defaulted) { f(d: $d) }",
          "query ($h: [Holding]) { f(n: 1) }",
          "{ f(p: { y: 1, list: [1, 2] }) }",
          "query ($p: Plain) { f(p: $p) }",
          "query ($y: Int) { f(p: { y: $y }, n: 2) }",
          "{ f(n: 1) }",
          "{ later { ... on A { a } } }",
          "{ now { ... on A { a } } }",
        ].map((text) => [text, verdict(text)]),
      ),
    ).toEqual({
      "{ f(d: {}) }": true,
      "{ f(h: { inner: [{ x: 2 }] }) }": true,
      "{ f(h: {}) }": true,
      "query ($d: Defaulted) { f(d: $d) }": true,
      "query ($h: [Holding]) { f(n: 1) }": true,
      "{ f(p: { y: 1, list: [1, 2] }) }": false,
      "query ($p: Plain) { f(p: $p) }": false,
      "query ($y: Int) { f(p: { y: $y }, n: 2) }": false,
      "{ f(n: 1) }": false,
      "{ later { ... on A { a } } }": true,
      "{ now { ... on A { a } } }": false,
    });
  });

  it("runs a filter on graphql-jit, answering it the same written, sent as a variable, or with one value for a list, and refuses a bad one as graphql-js does", async () => {
    type Page = { governments: { totalCount: number; nodes: { slug: string }[] } };
    const WRITTEN = `{ governments(first: 100, filter: { kinds: [MEMBER], countries: ["JP"], asOf: "2020-12-31" }) { totalCount nodes { slug } } }`;
    const SENT = `query ($filter: GovernmentFilter) { governments(first: 100, filter: $filter) { totalCount nodes { slug } } }`;
    const SINGLE = `query ($asOf: Date) { governments(first: 100, filter: { kinds: MEMBER, countries: "JP", asOf: $asOf }) { totalCount nodes { slug } } }`;
    // The hub's schema, as published: none of the three is left to graphql-js, a write's input is.
    const published = buildSchema(readFileSync(join(REPO_ROOT, "schema", "schema.graphql"), "utf8"));
    const onGraphqlJs = (text: string) => {
      const document = parse(text);
      return needsGraphqlJs(published, document, document.definitions[0] as OperationDefinitionNode);
    };
    expect(
      [WRITTEN, SENT, SINGLE, "mutation ($input: EventInput!) { recordEvent(input: $input) { __typename } }"].map(onGraphqlJs),
    ).toEqual([false, false, false, true]);
    const written = await hub.run<Page>(WRITTEN);
    expect(written.errors).toBeUndefined();
    expect(written.data?.governments.totalCount).toBeGreaterThan(0);
    const sent = await hub.run<Page>(SENT, { filter: { kinds: ["MEMBER"], countries: ["JP"], asOf: "2020-12-31" } });
    const single = await hub.run<Page>(SINGLE, { asOf: "2020-12-31" });
    expect([sent.data?.governments, single.data?.governments]).toEqual([written.data?.governments, written.data?.governments]);
    const bad = await hub.run(`query ($filter: GovernmentFilter) { governments(filter: $filter) { nodes { slug } } }`, {
      filter: { kinds: ["EMPEROR"] },
    });
    expect(bad.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toContain('Variable "$filter" got invalid value "EMPEROR" at "filter.kinds[0]"');
  });

  it("refuses a variable of the wrong type with graphql-js's error, and answers a compiled query with variables", async () => {
    const bad = await hub.run(`query ($first: Int) { governments(first: $first) { nodes { slug } } }`, { first: "many" });
    expect(bad.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toContain('Variable "$first" got invalid value "many"');
    const good = await hub.run<{ governments: { nodes: unknown[] } }>(
      `query ($first: Int) { governments(first: $first) { nodes { slug } } }`,
      {
        first: 3,
      },
    );
    expect(good.data?.governments.nodes).toHaveLength(3);
  });

  it("keeps a resolver's failure at its path and location, with its code", async () => {
    const result = await hub.run(`{ governments(first: 500) { nodes { slug } } }`);
    expect(result.errors).toEqual([
      expect.objectContaining({
        path: ["governments"],
        locations: [{ line: 1, column: 3 }],
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
      }),
    ]);
  });
});
