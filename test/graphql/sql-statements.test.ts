import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";

/**
 * Every relation goes through a per-request DataLoader, so a query costs one
 * statement per level of depth, however many rows each level holds. The counts are
 * pinned: a change that adds a statement has to change this file too.
 */
describe("SQL statements per query", () => {
  const hub = useTestHub();

  async function statementsFor(query: string, first: number): Promise<number> {
    const { result, statements } = await hub.countStatements(query, { first });
    expect(result.errors).toBeUndefined();
    return statements;
  }

  it("all 78 members with their countries: one page, one count, one batch of countries", async () => {
    const { result, statements } = await hub.countStatements<{ governments: { totalCount: number; nodes: unknown[] } }>(`{
      governments(first: 100, filter: { kinds: [MEMBER] }) { totalCount nodes { slug country { code name { text } } } }
    }`);
    expect(result.data!.governments.totalCount).toBe(78);
    expect(result.data!.governments.nodes).toHaveLength(78);
    expect(statements).toBe(3);
  });

  const deepQueries: [string, string, number][] = [
    [
      "countries → governments → memberships → government → country",
      `query ($first: Int) { countries(first: $first) { nodes { code
        governments { slug memberships { kind government { slug country { code } } } country { code } } } } }`,
      5,
    ],
    [
      "committees → coordinators → government → country, and coordinator history",
      `query ($first: Int) { committees(first: $first, orderBy: NUMBER_DESC) { nodes { slug
        coordinators(asOf: "2020-12-31") { startedOn government { slug country { code } coordinatorTerms { committee { slug } } } }
        coordinatorHistory { government { slug } } participants { government { slug } } } } }`,
      7,
    ],
    [
      "staff → appointments → dispatched-by → country; post → department; predecessor",
      `query ($first: Int) { staff(first: $first) { nodes { slug
        appointments { dispatchedBy { slug country { code } } post { slug department { slug } holders { staffMember { slug } } }
          predecessor { staffMember { slug } } } } } }`,
      8,
    ],
    [
      "ambassadors → government → memberships, country",
      `query ($first: Int) { ambassadors(first: $first) { nodes { people country { code } government { slug memberships { kind } } } } }`,
      4,
    ],
  ];

  for (const [name, query, expected] of deepQueries) {
    it(`${name}: ${expected} statements for 2 rows and for 100`, async () => {
      expect([await statementsFor(query, 2), await statementsFor(query, 100)]).toEqual([expected, expected]);
    });
  }
});
