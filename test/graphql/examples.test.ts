import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { graphiqlExamples } from "../../src/http/graphiql";
import { buildHubSchema } from "../../src/graphql/schema";
import { useTestHub } from "../support/hub";

describe("GraphiQL's preloaded examples (src/http/graphiql/examples/*.graphql)", () => {
  const hub = useTestHub();
  const examples = graphiqlExamples();

  it("are there, one file each, in order", () => {
    expect(examples.map((e) => e.name)).toEqual([
      "1-member-directory",
      "2-members-per-country",
      "3-secretariat",
      "4-committees-and-coordinators",
      "5-governance",
    ]);
  });

  it.each(examples.map((e) => [e.name, e.query]))("%s is valid against the schema and runs without errors", async (_name, query) => {
    expect(validate(buildHubSchema(), parse(query)).map((e) => e.message)).toEqual([]);
    const result = await hub.run(query);
    expect(result.errors).toBeUndefined();
  });

  it("answer for the facts horizon where it matters, so no answer carries a beyond-the-horizon reason", async () => {
    // Run as if today were long after the horizon: an example that forgot `asOf` would say so.
    for (const { query } of examples) {
      const result = await hub.run(query, undefined, { now: new Date("2026-11-28T12:00:00Z") });
      expect(JSON.stringify(result.data)).not.toContain("BEYOND_FACTS_HORIZON");
    }
  });
});
