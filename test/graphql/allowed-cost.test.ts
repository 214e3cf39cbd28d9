import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { Kind, parse, validate } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { buildHubSchema } from "../../src/graphql/schema";
import { measureOperation } from "../../src/graphql/operation-limits";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY, testCalendar, testServer } from "../support/hub";
import { OperationGenerator, seededRandom } from "../support/operations";
import { testSettings } from "../support/settings";

/** Operations generated and run; enough to reach every part of the schema, few enough for a busy machine. */
const OPERATIONS = 400;

/**
 * What one unit of cost may take, with a floor for what every request costs whatever
 * it asks (parsing, the context, one statement). An allowed operation that needs more
 * than this is priced too low: the cost model, not the machine, is what this checks,
 * so the bounds are generous for a slow machine and still far below what an unpriced
 * list takes (thousands of times the bound).
 */
const BOUNDS = {
  bytes: { floor: 64 * 1024, perCost: 2 * 1024 },
  ms: { floor: 1_000, perCost: 0.05 },
  heapBytes: { floor: 64 * 1024 * 1024, perCost: 64 * 1024 },
};

interface Run {
  query: string;
  cost: number;
  bytes: number;
  ms: number;
  heapBytes: number;
  status: number;
  codes: string[];
}

/**
 * The cost model holds for what a client may send: operations generated from the
 * schema (real arguments and edges: the largest pages, far dates and years, variables
 * left at their defaults, aliases), every one under MAX_COST, each run over HTTP; its
 * time, memory and answer size stay under a bound proportional to its measured cost.
 */
describe("allowed operations cost what they take", () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const runs: Run[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    app = await testServer(db);
  });
  afterAll(async () => {
    await app.close();
    await db.dataSource.destroy();
  });

  it(`${OPERATIONS} generated operations under MAX_COST: time, memory and answer size within their bounds`, async () => {
    const schema = buildHubSchema();
    const calendar = testCalendar();
    const { maxCost } = testSettings().limits;
    const ids = await app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json" },
      payload: {
        query: "{ governments(first: 3) { nodes { id } } committees(first: 2) { nodes { id } } meetings(first: 2) { nodes { id } } }",
      },
    });
    const data = ids.json().data as Record<string, { nodes: { id: string }[] }>;
    const generator = new OperationGenerator(
      schema,
      {
        ids: Object.values(data).flatMap((connection) => connection.nodes.map((node) => node.id)),
        dates: ["1996-09-12", "2005-03-01", "2018-10-30", "2020-12-31", calendar.last],
        years: [1996, 2017, 2020, Number(calendar.last.slice(0, 4))],
        instants: ["2020-06-01T00:00:00Z", new Date(TEST_TODAY.getTime() - 3_600_000).toISOString()],
        refused: { dates: ["9999-12-31", "1990-01-01"], years: [9990, 9999] },
      },
      seededRandom(20_201_231),
    );

    let refused = 0;
    while (runs.length < OPERATIONS) {
      const query = generator.query();
      const document = parse(query);
      if (validate(schema, document).length > 0) continue;
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const { cost } = measureOperation(schema, document, operation, {}, calendar);
      if (cost > maxCost) {
        refused++;
        continue;
      }
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const sampler = setInterval(() => {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }, 5);
      const started = performance.now();
      const response = await app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json" },
        payload: { query },
      });
      const ms = performance.now() - started;
      clearInterval(sampler);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      const body = response.json<{ errors?: { extensions?: { code?: string } }[] }>();
      runs.push({
        query,
        cost,
        bytes: response.rawPayload.length,
        ms,
        heapBytes: heapPeak - heapBefore,
        status: response.statusCode,
        codes: (body.errors ?? []).map((error) => error.extensions?.code ?? "none"),
      });
    }

    // Nothing fails inside: an allowed operation is answered, or refused for its input.
    const faults = runs.filter(
      (run) => run.status >= 500 || run.codes.some((code) => code === "INTERNAL_SERVER_ERROR" || code === "TIMEOUT"),
    );
    expect(faults.map((run) => ({ query: run.query, status: run.status, codes: run.codes }))).toEqual([]);
    for (const measure of ["bytes", "ms", "heapBytes"] as const) {
      const over = runs.filter((run) => run[measure] > BOUNDS[measure].floor + BOUNDS[measure].perCost * run.cost);
      expect(over.map((run) => ({ measure, value: Math.round(run[measure]), cost: run.cost, query: run.query }))).toEqual([]);
    }
    // The generator reaches what matters: large answers, costly operations, and some it must leave out.
    expect(Math.max(...runs.map((run) => run.cost))).toBeGreaterThan(maxCost / 10);
    expect(runs.filter((run) => run.codes.length === 0).length).toBeGreaterThan(OPERATIONS / 3);
    expect(refused).toBeGreaterThan(0);
  });
});
