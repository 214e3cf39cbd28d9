import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_MAIN } from "../support/paths";
import { HubProcess } from "../support/process";
import { REDIS_URL, databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";
import { freePort } from "../../bench/ports";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { createApiKey } from "../../src/modules/access";
import { RECORD_PAYMENT, paymentInput } from "../support/payment";

interface Running {
  process: HubProcess;
  url: string;
  metrics: string;
}

/** Two built hub processes, as two replicas run, on one PostgreSQL and one Redis. */
describe("two hub processes behind one PostgreSQL and one Redis", () => {
  let database: ServiceDatabase;
  const hubs: Running[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    // A Redis logical database of this test's own (the machine's Redis may serve others), emptied first.
    const redis = new Redis(`${REDIS_URL}/${REDIS_DB}`, { maxRetriesPerRequest: 1 });
    await redis.flushdb();
    redis.disconnect();
    for (let i = 0; i < 2; i++) {
      const metricsPort = await freePort();
      const process_ = new HubProcess(process.execPath, [
        BUILT_MAIN,
        "--port",
        "0",
        "--database-url",
        databaseUrl(database.name),
        "--redis-url",
        `${REDIS_URL}/${REDIS_DB}`,
        "--rate-limit-burst",
        "4",
        "--rate-limit-per-second",
        "0.01",
        "--trust-proxy",
        "1",
        "--metrics-port",
        String(metricsPort),
      ]);
      const [, url] = await process_.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
      await process_.waitForOutput(/redis reachable/);
      hubs.push({ process: process_, url: url, metrics: `http://127.0.0.1:${metricsPort}/metrics` });
    }
  });
  afterAll(async () => {
    for (const { process: hub } of hubs) {
      hub.kill("SIGTERM");
      await hub.exited;
    }
    await database?.drop();
  });

  const get = (hub: Running, params: Record<string, string>, ip: string) =>
    fetch(`${hub.url}/graphql?${new URLSearchParams(params).toString()}`, {
      headers: { accept: "application/json", "x-forwarded-for": ip },
    });
  const metric = async (hub: Running, line: string) =>
    (await (await fetch(hub.metrics)).text()).split("\n").find((l) => l.startsWith(line)) ?? `${line} (absent)`;

  it("share rate limits, persisted queries and cached answers", async () => {
    const [a, b] = hubs as [Running, Running];
    const ip = "198.51.100.7";
    const statuses: number[] = [];
    for (const hub of [a, b, a, b, a]) statuses.push((await get(hub, { query: "{ about { name } }" }, ip)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);

    const query = '{ government(slug: "mn-khovd") { slug } about { name } }';
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } });
    expect((await get(a, { query, extensions }, "198.51.100.250")).status).toBe(200);
    const byHash = await get(b, { extensions }, "198.51.100.251");
    expect([byHash.status, ((await byHash.json()) as { data: unknown }).data]).toEqual([
      200,
      { government: { slug: "mn-khovd" }, about: { name: expect.any(String) } },
    ]);

    const params = { query: '{ government(slug: "ru-sakha") { slug } }' };
    const first = await get(a, params, "198.51.100.252");
    const hitsBefore = await metric(b, 'near_response_cache_lookups_total{result="hit"}');
    const second = await get(b, params, "198.51.100.253");
    expect([second.status, await second.text(), second.headers.get("etag")]).toEqual([200, await first.text(), first.headers.get("etag")]);
    expect(await metric(b, 'near_response_cache_lookups_total{result="hit"}')).not.toBe(hitsBefore);
    expect(await metric(b, "near_shared_state_redis_up")).toBe("near_shared_state_redis_up 1");
  });

  it("announce a write committed through one to a subscriber of the other, and nothing for a write rolled back", async () => {
    const [a, b] = hubs as [Running, Running];
    const source = await database.open();
    const { secret } = await createApiKey(source.dataSource.manager, { role: "SECRETARIAT", label: "two processes" });
    await source.dataSource.destroy();

    const client = createClient({ url: `${b.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const events = client.iterate<{ duesStandingChanged: { operation: string; government: { slug: string } } }>({
      query: "subscription { duesStandingChanged { operation government { slug } } }",
    });
    const first = events.next();
    // Held on b once its gauge counts it: a write after that reaches it.
    while ((await metric(b, "near_live_subscriptions")) !== "near_live_subscriptions 1") await new Promise((r) => setImmediate(r));

    const pay = async (slug: string, version: number, ip: string) => {
      const response = await fetch(`${a.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}`, "x-forwarded-for": ip },
        body: JSON.stringify({
          query: RECORD_PAYMENT,
          variables: { input: paymentInput(slug, version, `TWO-${slug}`) },
        }),
      });
      return ((await response.json()) as { data: { recordDuesPayment: { __typename: string } } }).data.recordDuesPayment.__typename;
    };
    const versionOf = async (slug: string, ip: string) =>
      (
        (await (await get(a, { query: `{ government(slug: "${slug}") { version } }` }, ip)).json()) as {
          data: { government: { version: number } };
        }
      ).data.government.version;

    // A stale version is a CONFLICT: rolled back, it announces nothing; the write after it is the first event b hears.
    expect(await pay("jp-akita", 999, "198.51.100.30")).toBe("Conflict");
    expect(await pay("jp-tottori", await versionOf("jp-tottori", "198.51.100.31"), "198.51.100.32")).toBe("RecordDuesPaymentSuccess");
    const committed = performance.now();
    const heard = await first;
    const latencyMs = performance.now() - committed;
    expect(heard.value).toEqual({ data: { duesStandingChanged: { operation: "recordDuesPayment", government: { slug: "jp-tottori" } } } });
    expect(latencyMs).toBeLessThan(1000);
    await events.return?.();
    await client.dispose();
  });
});

/** A Redis logical database for this file (the replicas test uses database 0, under a prefix of its own). */
const REDIS_DB = 1 + (process.pid % 15);
