import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";

/**
 * Every relation goes through a per-request DataLoader, so a query costs one
 * statement per level of depth, however many rows each level holds. The counts are
 * pinned, and the statements themselves are compared with the checked-in files in
 * `__sql__/`: a change that adds or alters a statement shows up in review. Refresh
 * them on purpose with `npx vitest run test/graphql/sql-statements.test.ts -u`;
 * CI never writes them.
 */
describe("SQL statements per query", () => {
  const hub = useTestHub();

  /** One statement a paragraph, whitespace folded, so the files diff line by line. */
  function readable(sql: readonly string[]): string {
    return `${sql.map((statement) => `${statement.replace(/\s+/g, " ").trim()};`).join("\n\n")}\n`;
  }

  it("all 78 members with their countries: one page with its countries joined (a look-ahead) and its count", async () => {
    const { result, statements, sql } = await hub.countStatements<{ governments: { totalCount: number; nodes: unknown[] } }>(`{
      governments(first: 100, filter: { kinds: [MEMBER] }) { totalCount nodes { slug country { code name { text } } } }
    }`);
    expect(result.data!.governments.totalCount).toBe(78);
    expect(result.data!.governments.nodes).toHaveLength(78);
    expect(statements).toBe(1);
    await expect(readable(sql)).toMatchFileSnapshot("__sql__/members-with-countries.sql");
  });

  it("one government by slug with its country and memberships: both in its statement (1 statement), also across aliases", async () => {
    const { result, statements } = await hub.countStatements<{ a: { country: { code: string } }; b: { country: { code: string } } }>(`{
      a: government(slug: "kr-gyeongbuk") { slug country { code } memberships { kind } }
      b: government(slug: "jp-akita") { slug country { code } memberships { kind } }
    }`);
    expect([result.data!.a.country.code, result.data!.b.country.code, statements]).toEqual(["KR", "JP", 1]);
  });

  const deepQueries: [string, string, string, number][] = [
    [
      "countries-governments-memberships",
      "countries with their governments and memberships (one statement) → government → country",
      `query ($first: Int) { countries(first: $first) { nodes { code
        governments { slug memberships { kind government { slug country { code } } } country { code } } } } }`,
      2,
    ],
    [
      "committees-coordinators",
      "committees → coordinators → government → country, and coordinator history",
      `query ($first: Int) { committees(first: $first, orderBy: NUMBER_DESC) { nodes { slug
        coordinators(asOf: "2020-12-31") { startedOn government { slug country { code } coordinatorTerms { committee { slug } } } }
        coordinatorHistory { government { slug } } participants { government { slug } } } } }`,
      5,
    ],
    [
      "staff-appointments",
      "staff → appointments → dispatched-by → country; post → department; predecessor",
      `query ($first: Int) { staff(first: $first) { nodes { slug
        appointments { dispatchedBy { slug country { code } } post { slug department { slug } holders { staffMember { slug } } }
          predecessor { staffMember { slug } } } } } }`,
      8,
    ],
    [
      "ambassadors-governments",
      "ambassadors → government → memberships, country",
      `query ($first: Int) { ambassadors(first: $first) { nodes { people country { code } government { slug memberships { kind } } } } }`,
      4,
    ],
  ];

  for (const [file, name, query, expected] of deepQueries) {
    it(`${name}: ${expected} statements for 2 rows and for 100`, async () => {
      const few = await hub.countStatements(query, { first: 2 });
      const many = await hub.countStatements(query, { first: 100 });
      expect([few.result.errors, many.result.errors]).toEqual([undefined, undefined]);
      expect([few.statements, many.statements]).toEqual([expected, expected]);
      await expect(readable(few.sql)).toMatchFileSnapshot(`__sql__/${file}.sql`);
    });
  }
});
