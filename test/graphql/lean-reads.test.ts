import { afterEach, describe, expect, it } from "vitest";
import { SCENARIOS } from "../../bench/scenarios";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema } from "graphql";
import type { GraphQLObjectType } from "graphql";
import { columnsFor, setLeanReads } from "../../src/core/lean-rows";
import type { ColumnPlan } from "../../src/core/lean-rows";
import { COUNTRY_COLUMNS, Country } from "../../src/modules/country";
import { GOVERNMENT_COLUMNS, Government } from "../../src/modules/government";
import { useTestHub } from "../support/hub";

/**
 * A read of governments selects only the columns the operation needs and builds the
 * entities from raw rows (src/core/lean-rows.ts); with lean reads off it reads whole
 * entities through TypeORM. Every benchmark query, and queries that reach the plan's
 * edges (fragments, edges, arguments, private and undeclared fields), must answer the
 * same both ways, with the same number of statements.
 */
describe("lean reads answer exactly as whole entities do", () => {
  const hub = useTestHub();
  afterEach(() => setLeanReads(true));

  async function bothWays(query: string) {
    const lean = await hub.countStatements(query);
    setLeanReads(false);
    const whole = await hub.countStatements(query);
    setLeanReads(true);
    return { lean, whole };
  }

  const benchQueries = SCENARIOS.filter((scenario) => scenario.hub !== null && !scenario.cachedGet);
  for (const scenario of benchQueries) {
    it(`the benchmark's ${scenario.name.split(":")[0]} query`, async () => {
      const { lean, whole } = await bothWays(scenario.hub!);
      expect(lean.result.errors).toBeUndefined();
      expect(lean.result.data).toEqual(whole.result.data);
      expect(lean.statements).toBe(whole.statements);
    });
  }

  const edgeCases: { name: string; query: string }[] = [
    {
      name: "a fragment on nodes and another on edges.node, with plain columns and a name in another language",
      query: `fragment Figures on Government { population populationYear areaKm2 capital website version }
       { governments(first: 100, orderBy: POPULATION_DESC) {
           nodes { ...Figures name(lang: "ko") { text lang } }
           edges { cursor node { ... on Government { slug headOfGovernmentSince latitude } } }
           pageInfo { endCursor } } }`,
    },
    {
      name: "countries → governments with an inline fragment, the membership of a day and a relation back",
      query: `{ countries(first: 10) { nodes { code governments(asOf: "2020-12-31") { id slug ... on Government { namedInReport figuresNotes }
         membership(asOf: "2020-12-31") { kind } memberships { government { slug capital } } } } } }`,
    },
    {
      name: "fields of other modules that read the government by id (declared there) beside plain ones",
      query: `{ governments(first: 100, orderBy: NAME_ASC) { nodes { slug notes coordinatorTerms(asOf: "2020-12-31") { startedOn }
               committees(asOf: "2020-12-31") { slug } ambassadorAppointments { round } alternativeNames { name }
               dispatchedStaff(asOf: "2020-12-31") { id } } } }`,
    },
    {
      name: "fields another module declares (the rights module's): lean rows",
      query: `{ governments(first: 100) { nodes { slug votingRights(asOf: "2020-12-31") { eligible reasons { code article message } }
               electionRights(asOf: "2020-12-31") { eligible } duesStanding(asOf: "2020-12-31") { restricted } duesPayments { paidOn } } } }`,
    },
    {
      name: "countries joined with only the columns their fields need, or whole (region is not in the plan), through aliases",
      query: `{ a: governments(first: 100, orderBy: NAME_DESC) { nodes { slug country { id code name(lang: "ja") { text } } } }
                b: governments(first: 100) { nodes { slug country { code region } } edges { node { country { version } } } } }`,
    },
  ];
  for (const { name, query } of edgeCases) {
    it(`${name}`, async () => {
      const { lean, whole } = await bothWays(query);
      expect(lean.result.errors).toBeUndefined();
      expect(lean.result.data).toEqual(whole.result.data);
      expect(lean.statements).toBe(whole.statements);
    });
  }

  it("a private field read lean stays null below SECRETARIAT, and a secretariat key reads it", async () => {
    await hub.withEntityManager((em) => em.query(`UPDATE government SET contact = 'nea@busan.example' WHERE slug = 'kr-busan'`));
    const query = `{ governments(first: 100) { nodes { slug contact } } }`;
    const busan = (result: { data?: { governments: { nodes: { slug: string; contact: string | null }[] } } | null }) =>
      result.data?.governments.nodes.find((g) => g.slug === "kr-busan")?.contact;
    expect(busan(await hub.run(query))).toBeNull();
    expect(busan(await hub.run(query, undefined, { as: "SECRETARIAT" }))).toBe("nea@busan.example");
    const { lean } = await bothWays(query);
    expect(lean.sql[0]).toContain(`"g"."contact"`);
  });

  it("a lean page selects the columns asked for and the keys, and no other", async () => {
    const { lean, whole } = await bothWays(`{ governments(first: 100) { nodes { slug capital country { code } } } }`);
    const [leanPage, wholePage] = [lean.sql[0], whole.sql[0]];
    expect(leanPage).toContain(`"g"."capital"`);
    expect(leanPage).toContain(`"g"."id"`);
    for (const column of ["notes", "description", "figures_source", "contact", "name_zh"]) {
      expect(leanPage).not.toContain(`"g"."${column}"`);
      expect(wholePage).toContain(`"g"."${column}"`);
    }
  });

  it("a joined country brings only the columns its selection needs", async () => {
    const { lean } = await bothWays(`{ governments(first: 100) { nodes { slug country { code } } } }`);
    expect(lean.sql[0]).toContain(`"c"."code"`);
    expect(lean.sql[0]).not.toContain(`"c"."name_en"`);
    expect(lean.sql[0]).not.toContain(`"c"."source"`);
  });

  it("a field the plan does not declare makes the page read every column, and answers as before", async () => {
    const query = `{ governments(first: 5) { nodes { slug coordinatorTerms { startedOn } } } }`;
    const declared = await hub.countStatements(query);
    expect(declared.sql[0]).not.toContain(`"g"."notes"`);
    const { coordinatorTerms } = GOVERNMENT_COLUMNS.resolvers;
    delete GOVERNMENT_COLUMNS.resolvers.coordinatorTerms;
    try {
      const undeclared = await hub.countStatements(query);
      expect(undeclared.sql[0]).toContain(`"g"."notes"`);
      expect(undeclared.result.data).toEqual(declared.result.data);
    } finally {
      GOVERNMENT_COLUMNS.resolvers.coordinatorTerms = coordinatorTerms;
    }
  });

  /**
   * A field with no declaration is safe (whole rows) but slow: every field of the types
   * read lean must be a column or declared by the module that resolves it.
   */
  it("every field of Government and Country is a column or declared", () => {
    const schema = buildSchema(readFileSync(join(__dirname, "..", "..", "schema", "schema.graphql"), "utf8"));
    const missing = (type: string, plan: ColumnPlan<never>) =>
      Object.keys((schema.getType(type) as GraphQLObjectType).getFields()).filter(
        (field) => columnsFor(hub.db.dataSource, type === "Government" ? Government : Country, plan, new Set([field])) === null,
      );
    expect(missing("Government", GOVERNMENT_COLUMNS as ColumnPlan<never>)).toEqual([]);
    expect(missing("Country", COUNTRY_COLUMNS as ColumnPlan<never>)).toEqual([]);
  });
});
