import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApolloServer } from "@apollo/server";
import pg from "pg";
import type { FastifyInstance } from "fastify";
import { HubMetrics } from "../../src/http/metrics";
import { createServer } from "../../src/http/server";
import { recordingLogger } from "../support/logger";
import { databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";
import { testSettings } from "../support/settings";

/**
 * A deadline on every operation, on PostgreSQL: a statement stuck behind a lock is
 * answered TIMEOUT (503) at the deadline, the server ends the statement itself
 * (`statement_timeout`), and the hub keeps answering everyone else meanwhile.
 */
describe("the operation deadline on PostgreSQL", () => {
  let database: ServiceDatabase;
  let app: FastifyInstance;
  // Long enough that an ordinary query on a slow, busy machine never meets it; short enough to wait for.
  const TIMEOUT_MS = 2000;
  const log = recordingLogger();

  beforeAll(async () => {
    database = await freshDatabase();
    const { dataSource } = await database.open({ statementTimeoutMs: TIMEOUT_MS });
    app = await createServer({
      dataSource,
      logger: log.logger,
      settings: testSettings({ rateLimit: null, cacheMaxAgeSeconds: 0, limits: { timeoutMs: TIMEOUT_MS } }),
      factsCompleteUntil: () => "2020-12-31",
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("a statement blocked by a lock: TIMEOUT at the deadline, the statement cancelled by the server, other requests answered", async () => {
    const locker = new pg.Client({ connectionString: databaseUrl(database.name) });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE government IN ACCESS EXCLUSIVE MODE");
      const blocked = app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json" },
        payload: { query: "{ governments(first: 1) { totalCount } }" },
      });
      // Meanwhile the hub answers what does not need the locked table.
      const health = await app.inject({ method: "GET", url: "/healthz" });
      expect(health.statusCode).toBe(200);
      const answer = await blocked;
      expect([answer.statusCode, answer.headers["retry-after"], answer.json()]).toEqual([
        503,
        "5",
        { errors: [{ message: expect.stringContaining("deadline"), extensions: { code: "TIMEOUT", deadlineMs: TIMEOUT_MS } }] },
      ]);
      // The log says where its time went: its wait for a turn, the statements it sent, the one still running
      // (blocked by the lock: its backend, as PostgreSQL's log names it), the pool.
      const [logged, ...more] = log.lines.filter((line) => line["msg"] === "an operation ran past its deadline");
      expect([logged, more]).toEqual([
        expect.objectContaining({
          deadlineMs: TIMEOUT_MS,
          admittedAfterMs: expect.any(Number),
          statements: expect.any(Number),
          waitingForConnection: 0,
          running: [{ backend: expect.any(Number), forMs: expect.any(Number) }],
          pool: { total: expect.any(Number), idle: expect.any(Number), waiting: 0 },
        }),
        [],
      ]);
      // The backend is one of the hub's connections, which stays in its pool once its statement is cancelled.
      const [blockedBackend] = logged["running"] as { backend: number; forMs: number }[];
      const hubBackends = await locker.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'near-data-hub'");
      expect(hubBackends.rows.map((row) => row.pid)).toContain(blockedBackend.backend);
      expect(blockedBackend.forMs).toBeGreaterThan(0);
      // The lock is still held, yet the hub's statement is gone: PostgreSQL ended it (statement_timeout).
      await expect
        .poll(
          async () =>
            (
              await locker.query(
                "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'near-data-hub' AND wait_event_type = 'Lock'",
              )
            ).rows[0].n,
          { timeout: 30_000 },
        )
        .toBe(0);
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    const after = await app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json" },
      payload: { query: "{ governments(first: 1) { totalCount } }" },
    });
    expect(after.json()).toMatchObject({ data: { governments: { totalCount: 82 } } });
  });
});

describe("a client that goes away on PostgreSQL", () => {
  let database: ServiceDatabase;
  let app: FastifyInstance;
  let url: string;
  const metrics = new HubMetrics();
  const log = recordingLogger();

  beforeAll(async () => {
    database = await freshDatabase();
    // A long deadline and statement_timeout: what ends the statement below is the client leaving.
    // One connection in the pool, held by the very statement to cancel: the cancel must not need one.
    const { dataSource } = await database.open({ statementTimeoutMs: 120_000, poolSize: 1 });
    app = await createServer({
      dataSource,
      logger: log.logger,
      settings: testSettings({ rateLimit: null, cacheMaxAgeSeconds: 0, limits: { timeoutMs: 120_000 } }),
      factsCompleteUntil: () => "2020-12-31",
      metrics,
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("its running statement is cancelled at once, and its work stops", async () => {
    const locker = new pg.Client({ connectionString: databaseUrl(database.name) });
    await locker.connect();
    const waitingOnLock = async () =>
      (
        await locker.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'near-data-hub' AND wait_event_type = 'Lock'",
        )
      ).rows[0].n;
    const query = JSON.stringify({ query: "{ governments(first: 1) { totalCount } }" });
    // Asked once before: the document is parsed and validated, and only execution is left to stop.
    await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: query });
    const throughApollo = vi.spyOn(ApolloServer.prototype, "executeHTTPGraphQLRequest");
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE government IN ACCESS EXCLUSIVE MODE");
      const client = new AbortController();
      const request = fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: query,
        signal: client.signal,
      }).catch((error: unknown) => error);
      await expect.poll(waitingOnLock, { timeout: 30_000 }).toBeGreaterThan(0);
      client.abort();
      await request;
      // Long before the two-minute statement_timeout, with the lock still held: cancelled.
      await expect.poll(waitingOnLock, { timeout: 30_000 }).toBe(0);
      await expect
        .poll(
          async () => (await metrics.registry.getSingleMetricAsString("near_graphql_requests_total")).includes('outcome="timeout"} 1'),
          { timeout: 30_000 },
        )
        .toBe(true);
      // Its work is over once its statements are counted (the first request's and its own)…
      await expect
        .poll(async () => (await metrics.registry.getSingleMetricAsString("near_sql_statements_per_request")).includes("_count 2"), {
          timeout: 30_000,
        })
        .toBe(true);
      // …and it ran once: an abandoned request is not answered a second time.
      expect(throughApollo).toHaveBeenCalledTimes(1);
      // A client leaving is no deadline: nothing for the operator to look into.
      expect(log.lines.filter((line) => line["msg"] === "an operation ran past its deadline")).toEqual([]);
    } finally {
      throughApollo.mockRestore();
      await locker.query("ROLLBACK");
      await locker.end();
    }
  });
});
