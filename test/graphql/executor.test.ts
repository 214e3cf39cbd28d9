import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";

/**
 * Operations run on graphql-jit (src/graphql/executor.ts), except those it would answer
 * differently from graphql-js: an input object's defaulted field, written in the
 * document or sent as a variable, must reach the resolver with its default; a bad
 * variable is refused as graphql-js refuses it; a resolver's failure keeps its path.
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
