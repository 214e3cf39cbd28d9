import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../src/http/server";
import { FaultProxy } from "../support/fault-proxy";
import { silentLogger } from "../support/logger";
import { POSTGRES_ADMIN_URL, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";
import { testSettings } from "../support/settings";

const QUERY = { query: '{ governments(first: 5) { totalCount nodes { slug votingRights(asOf: "2020-12-31") { eligible } } } }' };

/**
 * PostgreSQL going away and coming back, through a proxy the test breaks (the
 * machine's server stays up for everyone else): clean 503s with Retry-After, /readyz
 * following the database, and recovery without restarting the hub.
 */
describe("faults of PostgreSQL", () => {
  let database: ServiceDatabase;
  let proxy: FaultProxy;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase();
    const target = new URL(POSTGRES_ADMIN_URL);
    proxy = await FaultProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const { dataSource } = await database.open({ port: proxy.port, statementTimeoutMs: 3000, poolSize: 4 });
    app = await createServer({
      dataSource,
      logger: silentLogger(),
      settings: testSettings({ rateLimit: null, cacheMaxAgeSeconds: 0, limits: { timeoutMs: 3000 } }),
      factsCompleteUntil: () => "2020-12-31",
    });
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
    await database?.drop();
  });

  const ask = () => app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: QUERY });
  const ready = async () => (await app.inject({ method: "GET", url: "/readyz" })).statusCode;

  it("stopped under load: every request gets 200 or a clean 503 with Retry-After; /readyz follows; it recovers by itself", async () => {
    expect((await ask()).statusCode).toBe(200);
    const load = Array.from({ length: 40 }, () => ask());
    proxy.cut();
    const during = await Promise.all([...load, ...Array.from({ length: 40 }, () => ask())]);
    const statuses = new Set(during.map((r) => r.statusCode));
    expect([...statuses].every((s) => s === 200 || s === 503)).toBe(true);
    const refused = during.filter((r) => r.statusCode === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers["retry-after"]).toBe("5");
      expect(JSON.stringify(answer.json())).toMatch(/"code":"(SERVICE_UNAVAILABLE|TIMEOUT)"/);
      expect(answer.body).not.toMatch(/ECONN|pg|stack|at /);
    }
    await expect.poll(ready, { timeout: 30_000 }).toBe(503);
    // Every path, not only GraphQL: a keyed request (its key is looked up first) and an export.
    for (const answer of [
      await app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", authorization: `Bearer near_${"k".repeat(43)}` },
        payload: QUERY,
      }),
      await app.inject({ method: "GET", url: "/export/governments.csv" }),
    ]) {
      expect([answer.statusCode, answer.headers["retry-after"], answer.json().errors[0].extensions.code]).toEqual([
        503,
        "5",
        expect.stringMatching(/^(SERVICE_UNAVAILABLE|TIMEOUT)$/),
      ]);
    }

    proxy.restore();
    await expect.poll(ready, { timeout: 30_000 }).toBe(200);
    const recovered = await ask();
    expect([recovered.statusCode, recovered.json().data.governments.totalCount]).toEqual([200, 82]);
  });

  it("frozen (it accepts but never answers): TIMEOUT within the deadline, not a hang; thawed, it answers again", async () => {
    proxy.freeze();
    try {
      const answer = await ask();
      expect([answer.statusCode, answer.json().errors[0].extensions.code]).toEqual([503, "TIMEOUT"]);
    } finally {
      proxy.restore();
    }
    await expect.poll(async () => (await ask()).statusCode, { timeout: 30_000 }).toBe(200);
  });
});
