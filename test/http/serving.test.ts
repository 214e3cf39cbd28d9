import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { getIntrospectionQuery } from "graphql";
import { HubMetrics } from "../../src/http/metrics";
import { createApiKey } from "../../src/modules/access";
import { createMetricsServer, createServer } from "../../src/http/server";
import type { ServingSettings } from "../../src/http/server";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY } from "../support/hub";
import { silentLogger } from "../support/logger";
import { testSettings } from "../support/settings";

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  statements: number;
}

/**
 * The hub as partner websites and strangers meet it: limits refused before any SQL,
 * GraphQL over HTTP status codes, CORS, security headers, HTTP caching, persisted
 * queries and rate limits, through the real HTTP stack (Fastify's inject).
 */
/** What the readiness probe sends (`SELECT 1`, then TypeORM's check for pending migrations): never a request's statements. */
const READINESS_PROBE = /^SELECT 1$|^SELECT \* FROM current_(database|schema)\(\)$|"information_schema"\."tables"|FROM "typeorm_migration"/;

describe("serving /graphql on the open internet", () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.dataSource.destroy();
  });

  async function hub(settings: ServingSettings = testSettings({ rateLimit: null })): Promise<FastifyInstance> {
    const app = await createServer({
      dataSource: db.dataSource,
      logger: silentLogger(),
      settings,
      factsCompleteUntil: () => "2020-12-31",
      now: () => TEST_TODAY,
    });
    apps.push(app);
    return app;
  }

  async function send(app: FastifyInstance, options: InjectOptions): Promise<Answer> {
    const before = db.counter.count;
    const response = await app.inject(options);
    const text = response.body;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: text === "" ? {} : (JSON.parse(text) as Answer["body"]),
      // The request's own: the readiness probe's, which runs every second in the background, are not.
      statements: db.counter.statements.slice(before).filter((sql) => !READINESS_PROBE.test(sql)).length,
    };
  }

  const post = (app: FastifyInstance, body: unknown, headers: Record<string, string> = {}) =>
    send(app, {
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", ...headers },
      payload: JSON.stringify(body),
    });
  const get = (app: FastifyInstance, params: Record<string, string>, headers: Record<string, string> = {}) =>
    send(app, {
      method: "GET",
      url: `/graphql?${new URLSearchParams(params).toString()}`,
      headers: { accept: "application/json", ...headers },
    });

  function refusal(answer: Answer) {
    return {
      status: answer.status,
      statements: answer.statements,
      extensions: answer.body.errors?.[0]?.extensions,
      data: answer.body.data,
    };
  }

  describe("operation limits, refused before execution with no SQL sent", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await hub();
    });

    it("the five-level fan-out that once took the process down: cost", async () => {
      const level = (inner: string) => `governments { slug country { ${inner} } }`;
      const query = `{ country(code: "KR") { ${level(level(level(level(level("code")))))} } }`;
      expect(refusal(await post(app, { query }))).toEqual({
        status: 200,
        statements: 0,
        extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: "cost", measured: expect.any(Number), maximum: 50_000 },
        data: undefined,
      });
    });

    it("page sizes given as variables price like literals", async () => {
      const rights =
        "nodes { votingRights { eligible } electionRights { eligible } duesStanding { restricted } duesHistory { status } memberships { government { duesHistory { status } } } }";
      const query = `query ($n: Int) { a: governments(first: $n) { ${rights} } b: governments(first: $n) { ${rights} } }`;
      const small = await post(app, { query, variables: { n: 2 } });
      expect(small.body.errors).toBeUndefined();
      expect(refusal(await post(app, { query, variables: { n: 100 } }))).toMatchObject({ statements: 0, extensions: { limit: "cost" } });
    });

    it("alias floods, counting aliased __typename", async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(" ");
      expect(refusal(await post(app, { query: `{ ${aliases} }` }))).toMatchObject({
        statements: 0,
        extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: "aliases", measured: 31, maximum: 30 },
      });
      const flood = Array.from({ length: 1000 }, (_, i) => `a${i}: association { votingMembers(first: 100) { totalCount } }`).join(" ");
      expect(refusal(await post(app, { query: `{ ${flood} }` }))).toMatchObject({
        status: 200,
        statements: 0,
        extensions: { limit: "documentBytes" },
      });
      expect(refusal(await post(app, { query: `{ ${"a ".repeat(3500)}}` }))).toMatchObject({
        statements: 0,
        extensions: { limit: "tokens", measured: 3502, maximum: 3000 },
      });
    });

    it("directive overloading, deep nesting, and fragments spread many times (measured once each)", async () => {
      // A directive repeated on one field is refused by validation already; spread over inline fragments it is not.
      const directives = Array.from({ length: 21 }, (_, i) => `... @include(if: true) { n${i}: name }`).join(" ");
      expect(refusal(await post(app, { query: `{ about { ${directives} } }` }))).toMatchObject({
        statements: 0,
        extensions: { limit: "directives", measured: 21 },
      });
      const loop = (inner: string) => `country { governments { memberships { government { ${inner} } } } }`;
      const deep = `{ committees(first: 1) { nodes { coordinatorHistory { government { ${loop(loop(loop(loop("slug"))))} } } } } }`;
      expect(refusal(await post(app, { query: deep }))).toMatchObject({
        statements: 0,
        extensions: { limit: "depth", measured: 21, maximum: 20 },
      });
      // Each fragment spreads the next one ten times: 10^6 selections from a small document.
      const fragments = Array.from(
        { length: 6 },
        (_, i) => `fragment F${i} on Government { ${i === 5 ? "slug" : Array.from({ length: 10 }, () => `...F${i + 1}`).join(" ")} }`,
      );
      const spread = await post(app, { query: `{ governments(first: 100) { nodes { ...F0 } } } ${fragments.join(" ")}` });
      // Answered, not refused: 10^5 spreads of one fragment cost what one `slug` costs, and one page statement.
      expect([
        spread.body.errors,
        (spread.body.data as { governments: { nodes: unknown[] } }).governments.nodes.length,
        spread.statements,
      ]).toEqual([undefined, 82, 1]);
    });

    it("documents over the size or token limits, and bodies over the body limit", async () => {
      expect(refusal(await post(app, { query: `{ about { name } } # ${"x".repeat(20_000)}` }))).toMatchObject({
        statements: 0,
        extensions: { limit: "documentBytes", maximum: 20_000 },
      });
      const tooLarge = await send(app, {
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ query: "{ about { name } }", variables: { pad: "x".repeat(70_000) } }),
      });
      expect({ status: tooLarge.status, extensions: tooLarge.body.errors?.[0]?.extensions }).toEqual({
        status: 413,
        extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: "bodyBytes", maximum: 65_536 },
      });
    });

    it("the scanners' other probes: field duplication, circular fragments, a mutation sent by GET", async () => {
      const duplicated = await post(app, { query: `{ about { ${"name ".repeat(3500)}} }` });
      expect(refusal(duplicated)).toMatchObject({ statements: 0, extensions: { limit: "tokens" } });
      const circular = await post(app, {
        query: "{ governments { nodes { ...A } } } fragment A on Government { ...B } fragment B on Government { ...A }",
      });
      expect(refusal(circular)).toMatchObject({ statements: 0, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
      const mutationByGet = await get(app, { query: "mutation { a }" });
      expect(mutationByGet.statements).toBe(0);
      expect(mutationByGet.body.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    });

    it("batched requests are refused; introspection (GraphiQL's own query) passes every limit", async () => {
      const batch = await send(app, {
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify([{ query: "{ about { name } }" }, { query: "{ about { name } }" }]),
      });
      expect(batch.status).toBe(400);
      const introspection = await post(app, { query: getIntrospectionQuery() });
      expect([introspection.status, introspection.body.errors]).toEqual([200, undefined]);
      // Introspection's lists multiply like any other: walking types → fields → type → fields is refused.
      const walk = await post(app, { query: "{ __schema { types { fields { type { fields { type { name } } } } } } }" });
      expect(refusal(walk)).toMatchObject({ statements: 0, extensions: { limit: "cost", measured: 111_720 } });
    });
  });

  describe("errors where they belong", () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await hub();
    });

    it("a subscription by POST: a validation error naming where subscriptions are served, 400 under graphql-response+json, 200 under json", async () => {
      const query = "subscription { factsHorizonMoved { eventId } }";
      const strict = await post(app, { query }, { accept: "application/graphql-response+json" });
      const plain = await post(app, { query }, { accept: "application/json" });
      expect([strict.status, strict.body.errors?.[0]?.extensions?.["code"], plain.status]).toEqual([400, "GRAPHQL_VALIDATION_FAILED", 200]);
      expect(strict.body.errors?.[0]?.message).toMatch(
        /^Subscriptions are served over WebSocket \(graphql-transport-ws\) at \/graphql and over Server-Sent Events at \/graphql\/stream/,
      );
    });

    it("parse, validation and variable failures answer 200 under application/json, as the GraphQL-over-HTTP spec recommends", async () => {
      const cases = [
        [{ query: "{ about { name " }, "GRAPHQL_PARSE_FAILED"],
        [{ query: "{ about { nope } }" }, "GRAPHQL_VALIDATION_FAILED"],
        [
          { query: 'query ($d: Date) { government(slug: "jp-akita") { membership(asOf: $d) { kind } } }', variables: { d: "2020-13-45" } },
          "BAD_USER_INPUT",
        ],
      ] as const;
      for (const [body, code] of cases) {
        const answer = await post(app, body, { accept: "application/json" });
        expect([answer.status, answer.body.errors?.[0]?.extensions?.["code"]]).toEqual([200, code]);
      }
    });

    it("no field suggestions for strangers", async () => {
      const answer = await post(app, { query: "{ governmnts { totalCount } }" });
      expect(answer.body.errors?.[0]?.message).toBe('Cannot query field "governmnts" on type "Query".');
    });

    it("a NUL character in a string argument or variable is the client's mistake: 400 BAD_USER_INPUT, nothing sent to the database", async () => {
      for (const body of [
        { query: '{ government(slug: "jp\\u0000akita") { slug } }' },
        { query: "query ($s: String!) { government(slug: $s) { slug } }", variables: { s: "jp\u0000akita" } },
      ]) {
        const answer = await post(app, body);
        expect(refusal(answer)).toMatchObject({ status: 400, statements: 0, extensions: { code: "BAD_USER_INPUT" } });
      }
    });

    it("introspection can be turned off (INTROSPECTION=false)", async () => {
      const closed = await hub(testSettings({ rateLimit: null, introspection: false }));
      const answer = await post(closed, { query: "{ __schema { queryType { name } } }" });
      expect(answer.body.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    });
  });

  describe("browsers on other origins, and the headers every answer carries", () => {
    it("CORS: a real preflight, and `*` on answers by default", async () => {
      const app = await hub();
      const preflight = await app.inject({
        method: "OPTIONS",
        url: "/graphql",
        headers: {
          origin: "https://partner.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type, authorization",
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers).toMatchObject({
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": "content-type, accept, accept-language, authorization, x-request-id, if-none-match",
        "access-control-max-age": "86400",
      });
      const answer = await get(app, { query: "{ about { name } }" }, { origin: "https://partner.example" });
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
      expect(String(answer.headers["access-control-expose-headers"])).toContain("etag");
      // A page that kept the ETag asks again with it, as the preflight allows: 304, still readable cross-origin.
      const again = await get(
        app,
        { query: "{ about { name } }" },
        { origin: "https://partner.example", "if-none-match": String(answer.headers.etag) },
      );
      expect([again.status, again.headers["access-control-allow-origin"]]).toEqual([304, "*"]);
    });

    it("CORS with a list: a listed origin is echoed with Vary: Origin, another gets nothing", async () => {
      const app = await hub(testSettings({ rateLimit: null, http: { corsOrigins: ["https://partner.example"] } }));
      const listed = await get(app, { query: "{ about { name } }" }, { origin: "https://partner.example" });
      const other = await get(app, { query: "{ about { name } }" }, { origin: "https://evil.example" });
      expect([listed.headers["access-control-allow-origin"], String(listed.headers["vary"])]).toEqual([
        "https://partner.example",
        expect.stringContaining("Origin"),
      ]);
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    });

    it("security headers on every answer, a strict CSP on GraphiQL, and no cookies anywhere", async () => {
      const app = await hub();
      const page = await app.inject({ method: "GET", url: "/graphql", headers: { accept: "text/html" } });
      expect(page.headers).toMatchObject({
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        "x-frame-options": "DENY",
      });
      expect(String(page.headers["content-security-policy"])).toContain("default-src 'self'");
      expect(String(page.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
      for (const url of ["/graphql?query=%7Babout%7Bname%7D%7D", "/healthz", "/readyz", "/", "/graphiql/assets/explorer.js"]) {
        const response = await app.inject({ method: "GET", url });
        expect([url, response.headers["set-cookie"], response.headers["x-content-type-options"]]).toEqual([url, undefined, "nosniff"]);
      }
    });
  });

  describe("HTTP caching", () => {
    it("a GET is public with a max-age and a strong ETag; If-None-Match gets 304; a repeat is served from the response cache", async () => {
      const app = await hub();
      const params = { query: '{ government(slug: "jp-akita") { slug name { text } } }' };
      const first = await get(app, params);
      expect([first.status, first.headers["cache-control"], first.statements > 0]).toEqual([200, "public, max-age=60", true]);
      const etag = String(first.headers["etag"]);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      const again = await get(app, params);
      expect([again.status, again.headers["etag"], again.statements, again.body]).toEqual([200, etag, 0, first.body]);
      const revalidated = await get(app, params, { "if-none-match": etag });
      expect([revalidated.status, revalidated.statements]).toEqual([304, 0]);
      const korean = await get(app, params, { "accept-language": "ko" });
      expect([korean.statements > 0, korean.headers["etag"] !== etag]).toEqual([true, true]);
      // A client that accepts only GraphQL's own media type gets it, not an answer kept for application/json.
      const strict = await get(app, params, { accept: "application/graphql-response+json" });
      expect([strict.statements > 0, String(strict.headers["content-type"])]).toEqual([
        true,
        "application/graphql-response+json; charset=utf-8",
      ]);
    });

    it("POST, errors and anything asked with credentials are never stored by HTTP caches", async () => {
      const app = await hub();
      const query = '{ government(slug: "jp-akita") { slug } }';
      expect((await post(app, { query })).headers["cache-control"]).toBe("no-store");
      expect((await get(app, { query: "{ about { nope } }" })).headers["cache-control"]).toBe("no-store");
      const bogus = await get(app, { query }, { authorization: "Bearer something" });
      expect([bogus.status, bogus.headers["cache-control"], bogus.body.errors?.[0]?.extensions?.["code"]]).toEqual([
        401,
        "no-store",
        "UNAUTHENTICATED",
      ]);
      // The secretariat sees private fields: no cache may keep its answers, and the hub's own never serves it one.
      const { secret } = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "serving test" });
      const authorization = `Bearer ${secret}`;
      const withKey = await get(app, { query }, { authorization });
      const withKeyAgain = await get(app, { query }, { authorization });
      expect([withKey.status, withKey.headers["cache-control"], withKeyAgain.statements > 1]).toEqual([200, "private, no-store", true]);
      expect(String(withKey.headers["vary"])).toContain("Authorization");
    });

    it("automatic persisted queries: a partner site GETs by hash once the hub has seen the document", async () => {
      const app = await hub();
      const query = '{ government(slug: "kr-gyeongbuk") { slug } }';
      const sha256Hash = createHash("sha256").update(query).digest("hex");
      const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
      const unknown = await get(app, { extensions });
      expect(unknown.body.errors?.[0]?.extensions?.["code"]).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect((await get(app, { query, extensions })).body.data).toEqual({ government: { slug: "kr-gyeongbuk" } });
      const byHash = await get(app, { extensions });
      expect([byHash.status, byHash.body.data, byHash.headers["cache-control"]]).toEqual([
        200,
        { government: { slug: "kr-gyeongbuk" } },
        "public, max-age=60",
      ]);
    });
  });

  describe("rate limits", () => {
    it("a token bucket per client: 429 with Retry-After and RateLimit headers once the burst is spent", async () => {
      const app = await hub(testSettings({ rateLimit: { burst: 3, perSecond: 1, keyedFactor: 10 }, http: { trustProxy: 1 } }));
      const from = (ip: string) => get(app, { query: "{ about { name } }" }, { "x-forwarded-for": ip });
      const answers = [await from("203.0.113.1"), await from("203.0.113.1"), await from("203.0.113.1"), await from("203.0.113.1")];
      expect(answers.map((a) => [a.status, a.headers["ratelimit-remaining"]])).toEqual([
        [200, "2"],
        [200, "1"],
        [200, "0"],
        [429, "0"],
      ]);
      expect(answers[3].headers).toMatchObject({ "retry-after": "1", "ratelimit-limit": "3" });
      expect(answers[3].body.errors?.[0]?.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
      expect((await from("203.0.113.2")).status).toBe(200);
    });

    it("behind proxies, the client is the first untrusted address from the right: a forged X-Forwarded-For picks no bucket", async () => {
      // The probe: with TRUST_PROXY=true, ten forged leftmost addresses got ten buckets. One load balancer in front:
      const behindOne = await hub(testSettings({ rateLimit: { burst: 3, perSecond: 0.01, keyedFactor: 10 }, http: { trustProxy: 1 } }));
      const forged = [];
      for (let i = 0; i < 10; i++)
        forged.push(await get(behindOne, { query: "{ about { name } }" }, { "x-forwarded-for": `10.0.0.${i}, 203.0.113.9` }));
      expect(forged.map((a) => a.status)).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
      // Named proxies: the peer (127.0.0.1 under inject) and 198.51.100.1 are trusted, so the client is 192.0.2.7.
      const named = await hub(
        testSettings({ rateLimit: { burst: 1, perSecond: 0.01, keyedFactor: 10 }, http: { trustProxy: ["127.0.0.1", "198.51.100.0/24"] } }),
      );
      const via = (chain: string) => get(named, { query: "{ about { name } }" }, { "x-forwarded-for": chain });
      expect((await via("1.1.1.1, 192.0.2.7, 198.51.100.1")).status).toBe(200);
      expect((await via("2.2.2.2, 192.0.2.7, 198.51.100.1")).status).toBe(429);
      expect((await via("192.0.2.8, 198.51.100.1")).status).toBe(200);
    });

    it("health checks and preflights are not counted", async () => {
      const app = await hub(testSettings({ rateLimit: { burst: 1, perSecond: 1, keyedFactor: 10 } }));
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: "OPTIONS", url: "/graphql" })).statusCode).toBe(204);
      expect((await get(app, { query: "{ about { name } }" })).status).toBe(200);
    });
  });

  describe("metrics", () => {
    it("Prometheus text on the metrics server: requests by operation and outcome, cost, refusals, statements, cache, rate limits, event-loop lag", async () => {
      const metrics = new HubMetrics();
      const app = await createServer({
        dataSource: db.dataSource,
        logger: silentLogger(),
        settings: testSettings({ rateLimit: { burst: 3, perSecond: 1, keyedFactor: 10 } }),
        factsCompleteUntil: () => "2020-12-31",
        metrics,
      });
      apps.push(app);
      const metricsApp = await createMetricsServer(metrics, silentLogger());
      apps.push(metricsApp);
      await get(app, { query: "query Directory { governments(first: 2) { nodes { slug } } }", operationName: "Directory" });
      await get(app, { query: "query Directory { governments(first: 2) { nodes { slug } } }", operationName: "Directory" });
      await get(app, { query: `{ ${"a ".repeat(3500)}}` });
      expect((await get(app, { query: "{ about { name } }" })).status).toBe(429);
      const text = (await metricsApp.inject({ method: "GET", url: "/metrics" })).body;
      for (const line of [
        'near_graphql_requests_total{operation="Directory",outcome="ok"} 1',
        'near_graphql_requests_total{operation="Directory",outcome="cached"} 1',
        'near_graphql_refusals_total{limit="tokens"} 1',
        'near_response_cache_lookups_total{result="hit"} 1',
        "near_rate_limited_total 1",
      ]) {
        expect(text).toContain(line);
      }
      for (const name of [
        "near_graphql_request_duration_seconds_bucket",
        "near_graphql_operation_cost_bucket",
        "near_sql_statements_per_request_bucket",
        "near_nodejs_eventloop_lag_seconds",
      ]) {
        expect(text).toContain(name);
      }
    });
  });
});
