import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { ApolloServer } from "@apollo/server";
import type { Logger } from "typeorm";
import { scaleUp } from "../../bench/fixtures/scale";
import type { RequestContext } from "../../src/core/context";
import type { Role } from "../../src/core/viewer";
import { createRequestContext } from "../../src/graphql/context";
import { TEST_TODAY, startTestApollo, testCalendar, testViewer } from "../support/hub";
import { databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";

/** Every statement a data source sends, with its parameters, so the test can EXPLAIN it. */
class StatementLog implements Logger {
  readonly statements: { sql: string; parameters: unknown[] }[] = [];
  logQuery(sql: string, parameters?: unknown[]): void {
    this.statements.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** The name orders in each language but English (the plain NAME orders above), as `orderBy` arguments. */
const IN_LANGUAGES = ["zh", "ko", "ja", "ru", "mn"].flatMap((lang) => [`NAME_ASC, lang: "${lang}"`, `NAME_DESC, lang: "${lang}"`]);

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

/** The scans and sorts of a plan, as "Seq Scan on government" and "Sort". */
function offenders(node: PlanNode): string[] {
  const own = node["Node Type"] === "Seq Scan" ? [`Seq Scan on ${node["Relation Name"]}`] : node["Node Type"] === "Sort" ? ["Sort"] : [];
  return [...own, ...(node.Plans ?? []).flatMap(offenders)];
}

/**
 * Every filter and every ordering the API's lists expose, each on its own, asked of
 * the hub on ×100 the 2020 rows (8,200 governments, their periods, 5,300 events) on
 * PostgreSQL. Each statement a list sends is explained with sequential scans and
 * sorts priced out of the planner's choices (`enable_seqscan`, `enable_sort` off):
 * a plan that still holds one has no index to read that table by, or to read the
 * page in order by, so the statement's cost would grow with the table. Tables the
 * fixture does not grow (committees, meetings, staff…) are held to the same rule,
 * so they stay index-backed when they grow.
 */
describe("every filter and ordering of the API is index-backed (EXPLAIN on ×100 data, PostgreSQL)", () => {
  let database: ServiceDatabase;
  let apollo: ApolloServer<RequestContext>;
  let client: pg.Client;
  const log = new StatementLog();
  let em: RequestContext["em"];

  beforeAll(async () => {
    database = await freshDatabase();
    client = new pg.Client({ connectionString: databaseUrl(database.name) });
    await client.connect();
    await scaleUp(client, 100);
    const { dataSource } = await database.open();
    dataSource.setOptions({ logger: log, logging: true });
    em = dataSource.manager;
    apollo = await startTestApollo();
  }, 120_000);
  afterAll(async () => {
    await apollo?.stop();
    await client?.end();
    await database?.drop();
  });

  async function statementsOf(query: string, role: Role): Promise<{ sql: string; parameters: unknown[] }[]> {
    const from = log.statements.length;
    const contextValue = createRequestContext({
      em,
      requestId: "indexes",
      viewer: testViewer(role),
      now: TEST_TODAY,
      calendar: testCalendar(),
    });
    const response = await apollo.executeOperation({ query }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    expect(response.body.singleResult.errors).toBeUndefined();
    return log.statements.slice(from);
  }

  async function planOffenders(sql: string, parameters: unknown[]): Promise<string[]> {
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL enable_seqscan = off");
      await client.query("SET LOCAL enable_sort = off");
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, parameters);
      return offenders(rows[0]["QUERY PLAN"][0].Plan);
    } finally {
      await client.query("ROLLBACK");
    }
  }

  const lists: { list: string; orders: string[]; filters: string[]; role?: Role }[] = [
    {
      list: "governments",
      orders: ["SLUG_ASC", "SLUG_DESC", "NAME_ASC", "NAME_DESC", "POPULATION_ASC", "POPULATION_DESC", ...IN_LANGUAGES],
      filters: [
        `{ countries: ["KR"] }`,
        `{ kinds: [MEMBER], asOf: "2020-12-31" }`,
        `{ status: CURRENT }`,
        `{ status: FORMER }`,
        `{ founding: true }`,
        `{ committee: "working-committee" }`,
        `{ search: "Busan" }`,
      ],
    },
    {
      list: "countries",
      orders: ["CODE_ASC", "CODE_DESC", "NAME_ASC", "NAME_DESC", ...IN_LANGUAGES],
      filters: [`{ region: NORTH_EAST_ASIA }`],
    },
    {
      list: "committees",
      orders: ["NUMBER_ASC", "NUMBER_DESC", "NAME_ASC", "NAME_DESC"],
      filters: [
        `{ kinds: [SPECIALISED] }`,
        `{ status: ACTIVE, asOf: "2020-12-31" }`,
        `{ coordinator: "kr-busan" }`,
        `{ search: "Disaster" }`,
      ],
    },
    {
      list: "events",
      orders: ["DATE_ASC", "DATE_DESC"],
      filters: [`{ from: "2020-01-01" }`, `{ to: "2019-12-31" }`, `{ kinds: [FORUM] }`, `{ search: "Forum" }`],
    },
    {
      list: "meetings",
      orders: ["DATE_ASC", "DATE_DESC"],
      filters: [`{ committee: "general-assembly" }`, `{ from: "2020-01-01" }`, `{ to: "2019-12-31" }`, `{ statuses: [HELD] }`],
    },
    {
      list: "ambassadors",
      orders: ["TERM_START_ASC", "TERM_START_DESC"],
      filters: [
        `{ activeOn: "2020-12-31" }`,
        `{ countries: ["KR"] }`,
        `{ government: "kr-busan" }`,
        `{ kinds: [SECRETARIAT] }`,
        `{ round: 2 }`,
      ],
    },
    { list: "partners", orders: ["NAME_ASC", "NAME_DESC"], filters: [`{ relations: [MOU] }`, `{ search: "Korea" }`] },
    {
      list: "staff",
      orders: ["SLUG_ASC", "SLUG_DESC"],
      filters: [
        `{ status: CURRENT, asOf: "2020-12-31" }`,
        `{ department: "secretariat" }`,
        `{ dispatchedBy: "kr-busan" }`,
        `{ search: "Kim" }`,
      ],
    },
  ];

  const cases: { name: string; query: string; role: Role }[] = [];
  for (const { list, orders, filters, role = "PUBLIC" } of lists) {
    for (const order of orders)
      cases.push({ name: `${list}(orderBy: ${order})`, query: `{ ${list}(first: 50, orderBy: ${order}) { nodes { id } } }`, role });
    for (const filter of filters)
      cases.push({ name: `${list}(filter: ${filter})`, query: `{ ${list}(first: 50, filter: ${filter}) { nodes { id } } }`, role });
  }
  cases.push(
    { name: "auditLog()", query: `{ auditLog(first: 50) { nodes { id } } }`, role: "ADMIN" },
    ...[
      `{ actorLabel: "test admin" }`,
      `{ operation: "recordEvent" }`,
      `{ targetId: "x" }`,
      `{ from: "2020-01-01T00:00:00Z", to: "2021-01-01T00:00:00Z" }`,
    ].map((filter) => ({
      name: `auditLog(filter: ${filter})`,
      query: `{ auditLog(first: 50, filter: ${filter}) { nodes { id } } }`,
      role: "ADMIN" as Role,
    })),
  );

  for (const { name, query, role } of cases) {
    it(`${name}`, async () => {
      const statements = await statementsOf(query, role);
      expect(statements.length).toBeGreaterThan(0);
      const found: Record<string, string[]> = {};
      for (const { sql, parameters } of statements) {
        const bad = await planOffenders(sql, parameters);
        if (bad.length > 0) found[sql] = bad;
      }
      expect(found).toEqual({});
    });
  }
});
