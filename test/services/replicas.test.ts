import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../src/http/server";
import { HubMetrics } from "../../src/http/metrics";
import { RedisState } from "../../src/http/redis-state";
import { FaultProxy } from "../support/fault-proxy";
import { silentLogger } from "../support/logger";
import type { QueryCounter } from "../support/query-counter";
import { REDIS_URL, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";
import { testSettings } from "../support/settings";

interface Replica {
  app: FastifyInstance;
  counter: QueryCounter;
  shared: RedisState;
  metrics: HubMetrics;
}

/**
 * Two replicas, each with its own connection pool and Redis client, behind one
 * PostgreSQL and one Redis: rate limits, persisted queries and cached answers are
 * shared; with Redis gone each carries on in its own memory and says so.
 */
describe("many replicas, one PostgreSQL, one Redis", () => {
  let database: ServiceDatabase;
  let redisProxy: FaultProxy;
  const replicas: Replica[] = [];
  // Keys of this run only: the machine's Redis may serve others.
  const prefix = `near-test-${randomUUID()}:`;

  async function replica(): Promise<Replica> {
    const { dataSource, counter } = await database.open();
    const metrics = new HubMetrics();
    const shared = new RedisState(
      `redis://127.0.0.1:${redisProxy.port}`,
      silentLogger(),
      (mode) => metrics.sharedState.set(mode === "redis" ? 1 : 0),
      prefix,
    );
    await shared.connect();
    const app = await createServer({
      dataSource,
      logger: silentLogger(),
      settings: testSettings({ rateLimit: { burst: 4, perSecond: 0.01, keyedFactor: 10 }, http: { trustProxy: 1 } }),
      factsCompleteUntil: () => "2020-12-31",
      shared,
      metrics,
    });
    const made = { app, counter, shared, metrics };
    replicas.push(made);
    return made;
  }

  beforeAll(async () => {
    database = await freshDatabase();
    const redis = new URL(REDIS_URL);
    redisProxy = await FaultProxy.start({ host: redis.hostname, port: Number(redis.port || 6379) });
  });
  afterAll(async () => {
    for (const { app, shared } of replicas) {
      await app.close();
      await shared.close();
    }
    await redisProxy?.close();
    await database?.drop();
  });

  const get = (app: FastifyInstance, params: Record<string, string>, ip: string) =>
    app.inject({
      method: "GET",
      url: `/graphql?${new URLSearchParams(params).toString()}`,
      headers: { accept: "application/json", "x-forwarded-for": ip },
    });

  it("share one rate limit per client, persisted queries and cached answers", async () => {
    const [a, b] = [await replica(), await replica()];
    expect([a.shared.mode(), b.shared.mode()]).toEqual(["redis", "redis"]);

    // Rate limits: a burst of 4 for this client across both replicas.
    const ip = "198.51.100.7";
    const statuses = [];
    for (const app of [a.app, b.app, a.app, b.app, a.app]) statuses.push((await get(app, { query: "{ about { name } }" }, ip)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);

    // A persisted query registered on one replica is found by hash on the other.
    const query = '{ government(slug: "mn-khovd") { slug } }';
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } });
    expect((await get(a.app, { query, extensions }, "198.51.100.8")).statusCode).toBe(200);
    const byHash = await get(b.app, { extensions }, "198.51.100.8");
    expect([byHash.statusCode, byHash.json().data]).toEqual([200, { government: { slug: "mn-khovd" } }]);

    // An answer cached by one replica is served by the other without touching the database.
    const params = { query: '{ government(slug: "ru-sakha") { slug memberships { kind } } }' };
    const first = await get(a.app, params, "198.51.100.9");
    const before = b.counter.count;
    const second = await get(b.app, params, "198.51.100.9");
    expect([second.statusCode, second.body, b.counter.count - before, second.headers["etag"]]).toEqual([
      200,
      first.body,
      0,
      first.headers["etag"],
    ]);
  });

  it("with Redis gone, each replica carries on in memory, says so in /readyz and the metrics, and shares again once Redis is back", async () => {
    const a = await replica();
    redisProxy.cut();
    const answer = await get(a.app, { query: "{ about { name } }" }, "198.51.100.20");
    expect(answer.statusCode).toBe(200);
    expect(a.shared.mode()).toBe("degraded");
    expect((await a.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ready", sharedState: "degraded" });
    expect(await a.metrics.registry.getSingleMetricAsString("near_shared_state_redis_up")).toContain("near_shared_state_redis_up 0");

    redisProxy.restore();
    await expect.poll(() => a.shared.mode(), { timeout: 30_000 }).toBe("redis");
    expect(await a.metrics.registry.getSingleMetricAsString("near_shared_state_redis_up")).toContain("near_shared_state_redis_up 1");
  });

  it("with Redis frozen (connected, never answering), requests are answered from memory within the deadline; /readyz and the metric say degraded", async () => {
    const a = await replica();
    expect(a.shared.mode()).toBe("redis");
    redisProxy.freeze();
    try {
      // The probe: every request hung 30 s and ended with an empty reply, while /readyz said ready with redis.
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await get(a.app, { query: "{ about { name } }" }, `198.51.100.${30 + i}`));
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
      expect(a.shared.mode()).toBe("degraded");
      expect((await a.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ready", sharedState: "degraded" });
      expect(await a.metrics.registry.getSingleMetricAsString("near_shared_state_redis_up")).toContain("near_shared_state_redis_up 0");
    } finally {
      redisProxy.restore();
    }
    await expect.poll(() => a.shared.mode(), { timeout: 30_000 }).toBe("redis");
  });

  it("keeps what strangers register within a ceiling: past it, the oldest persisted queries go first", async () => {
    const a = await replica();
    const bound = { group: `test-${Date.now()}`, maxEntries: 3, maxBytes: 1000 };
    for (let i = 0; i < 5; i++) await a.shared.set(`apq:test-${i}`, "x".repeat(100), 60, bound);
    const kept = await Promise.all(Array.from({ length: 5 }, (_, i) => a.shared.get(`apq:test-${i}`)));
    expect(kept.map((value) => value !== null)).toEqual([false, false, true, true, true]);
    // Bytes too: a large value pushes out as many older ones as it needs.
    await a.shared.set("apq:test-big", "y".repeat(950), 60, bound);
    const after = await Promise.all(["apq:test-3", "apq:test-4", "apq:test-big"].map((key) => a.shared.get(key)));
    expect(after.map((value) => value !== null)).toEqual([false, false, true]);
  });
});
