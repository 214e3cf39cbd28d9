import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApolloServer } from "@apollo/server";
import type { FastifyInstance, InjectOptions } from "fastify";
import { getIntrospectionQuery } from "graphql";
import { SCENARIOS } from "../../bench/scenarios";
import { createApiKey } from "../../src/modules/access";
import { createServer } from "../../src/http/server";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY } from "../support/hub";
import { silentLogger } from "../support/logger";
import { testSettings } from "../support/settings";

interface Pair {
  known: FastifyInstance;
  throughApollo: FastifyInstance;
}

/**
 * Known queries (src/graphql/known-queries.ts): a query text Apollo has answered once
 * is answered again without Apollo's pipeline, and the answer is the same to the byte
 * (status, headers, body) as a hub that sends every request through Apollo gives;
 * whatever the known path does not take (errors, refusals, mutations, other media
 * types, persisted queries) Apollo answers, as before.
 */
describe("known queries answered without Apollo's pipeline", () => {
  let db: TestDatabase;
  /** Hubs with known queries and without, the response cache off: every request executes. */
  let uncached: Pair;
  /** The same with a max-age: Cache-Control says public where Apollo says so (asked with other variables, past the response cache). */
  let cached: Pair;
  /** The same with a low cost limit: a page of one passes, a page of fifty is refused. */
  let limited: Pair;
  const apps: FastifyInstance[] = [];
  const apolloRequests = vi.spyOn(ApolloServer.prototype, "executeHTTPGraphQLRequest");

  beforeAll(async () => {
    db = await openTestDatabase();
    const hub = async (knownQueries: boolean, cacheMaxAgeSeconds: number, maxCost?: number) => {
      const app = await createServer({
        dataSource: db.dataSource,
        logger: silentLogger(),
        settings: testSettings({ rateLimit: null, cacheMaxAgeSeconds, ...(maxCost ? { limits: { maxCost } } : {}) }),
        factsCompleteUntil: () => "2020-12-31",
        now: () => TEST_TODAY,
        knownQueries,
      });
      apps.push(app);
      return app;
    };
    uncached = { known: await hub(true, 0), throughApollo: await hub(false, 0) };
    cached = { known: await hub(true, 60), throughApollo: await hub(false, 60) };
    limited = { known: await hub(true, 0, 20), throughApollo: await hub(false, 0, 20) };
  });
  afterEach(() => {
    apolloRequests.mockClear();
  });
  afterAll(async () => {
    apolloRequests.mockRestore();
    for (const app of apps) await app.close();
    await db.dataSource.destroy();
  });

  /** Status, headers (but the request's own id and date) and body as sent. */
  async function answer(app: FastifyInstance, request: InjectOptions) {
    const response = await app.inject(request);
    const { "x-request-id": _id, date: _date, ...headers } = response.headers;
    return { status: response.statusCode, headers, body: response.body };
  }

  const post = (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): InjectOptions => ({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", ...headers },
    payload: { query, ...(variables ? { variables } : {}) },
  });

  /**
   * Asks both hubs `learn` then `ask`, and compares the two answers to `ask`; returns
   * how many of the known hub's requests went through Apollo for `ask`.
   */
  async function compare(
    learn: InjectOptions,
    ask: InjectOptions = learn,
    { known, throughApollo }: Pair = uncached,
  ): Promise<{ viaApollo: number; status: number; headers: Record<string, unknown>; body: string }> {
    await answer(known, learn);
    await answer(throughApollo, learn);
    apolloRequests.mockClear();
    const fromKnown = await answer(known, ask);
    const viaApollo = apolloRequests.mock.calls.length;
    const fromApollo = await answer(throughApollo, ask);
    expect(fromKnown).toEqual(fromApollo);
    return { viaApollo, ...fromKnown };
  }

  // Every one, the name search's written input object (graphql-js runs it) included.
  for (const scenario of SCENARIOS.filter((candidate) => candidate.hub !== null && !candidate.cachedGet)) {
    it(`the benchmark's ${scenario.name.split(/[:(]/)[0]?.trim()} query: the same answer, Apollo not asked`, async () => {
      const { viaApollo, status } = await compare(post(scenario.hub!));
      expect([viaApollo, status]).toEqual([0, 200]);
    });
  }

  it("GET with variables and an operation name, each request its own values; Cache-Control and ETag as Apollo's", async () => {
    const query =
      "query One($slug: String!) { government(slug: $slug) { slug country { code } } } query Other { countries(first: 1) { totalCount } }";
    const get = (slug: string): InjectOptions => ({
      method: "GET",
      url: "/graphql",
      query: { query, operationName: "One", variables: JSON.stringify({ slug }) },
    });
    const { viaApollo, body } = await compare(get("kr-gyeongbuk"), get("jp-akita"), cached);
    expect([viaApollo, JSON.parse(body).data.government.slug]).toEqual([0, "jp-akita"]);
    const asked = await cached.known.inject(get("cn-jilin"));
    expect([asked.headers["cache-control"], asked.headers["etag"]]).toEqual(["public, max-age=60", expect.any(String)]);
  });

  it("an input object as a variable (graphql-js runs it): each request its own filter", async () => {
    const query = "query ($filter: GovernmentFilter) { governments(first: 5, filter: $filter) { totalCount nodes { slug } } }";
    const { viaApollo, body } = await compare(
      post(query, { filter: { countries: ["JP"] } }),
      post(query, { filter: { countries: ["MN"] } }),
    );
    const slugs = (JSON.parse(body).data.governments.nodes as { slug: string }[]).map((government) => government.slug.slice(0, 3));
    expect([viaApollo, slugs.length > 0, new Set(slugs)]).toEqual([0, true, new Set(["mn-"])]);
  });

  it("with a key: the same private answer as Apollo's (no cache may keep it)", async () => {
    const { secret } = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "known queries test" });
    const withKey = post("{ countries(first: 2) { nodes { code } } }", undefined, { authorization: `Bearer ${secret}` });
    const { viaApollo, status, headers } = await compare(withKey, withKey, cached);
    expect([viaApollo, status, headers["cache-control"]]).toEqual([0, 200, "private, no-store"]);
  });

  it("an answer with errors is Apollo's: the query runs again through it", async () => {
    const query = "query ($n: Int) { governments(first: $n) { nodes { slug } } }";
    const { viaApollo, body } = await compare(post(query, { n: 1 }), post(query, { n: -1 }));
    expect([viaApollo, JSON.parse(body).errors[0].extensions.code]).toEqual([1, "BAD_USER_INPUT"]);
  });

  it("variables graphql-jit refuses, and an operation over the limits, are Apollo's to refuse", async () => {
    const query = "query ($n: Int) { governments(first: $n) { nodes { slug } } }";
    const badType = await compare(post(query, { n: 1 }), post(query, { n: "many" }));
    expect([badType.viaApollo, JSON.parse(badType.body).errors[0].extensions.code]).toEqual([1, "BAD_USER_INPUT"]);
    const tooMany = await compare(post(query, { n: 1 }), post(query, { n: 50 }), limited);
    expect([tooMany.viaApollo, JSON.parse(tooMany.body).errors[0].extensions]).toMatchObject([
      1,
      { code: "OPERATION_LIMIT_EXCEEDED", limit: "cost" },
    ]);
  });

  it("another media type, persisted queries, a mutation and introspection: as Apollo answers them", async () => {
    const query = '{ government(slug: "jp-akita") { slug } }';
    const strict = await compare(post(query), post(query, undefined, { accept: "application/graphql-response+json" }));
    expect(strict.viaApollo).toBe(1);
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const byHash = (withText: boolean): InjectOptions => ({
      method: "GET",
      url: "/graphql",
      query: { ...(withText ? { query } : {}), extensions },
    });
    const persisted = await compare(byHash(true), byHash(false));
    expect([persisted.viaApollo, JSON.parse(persisted.body).data]).toEqual([1, { government: { slug: "jp-akita" } }]);
    const mutation = await compare(post('mutation { addPartner(input: { nameEn: "x" }) { __typename } }'));
    expect(mutation.viaApollo).toBe(1);
    const introspection = await compare(post(getIntrospectionQuery()));
    expect([introspection.viaApollo, introspection.status]).toEqual([0, 200]);
  });
});
