import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { createApiKey } from "../../src/modules/access";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY, testServer } from "../support/hub";

/** What a request sent to the database besides the readiness probe, which runs every second in the background. */
const READINESS_PROBE = /^SELECT 1$|^SELECT \* FROM current_(database|schema)\(\)$|"information_schema"\."tables"|FROM "typeorm_migration"/;

/**
 * The attacker's probes of issue "Still killable from the open internet" that one
 * request makes, each refused with its code before it costs the hub anything, and never
 * a 500. The numbers are the probes' own.
 */
describe("hostile inputs, refused with their code", () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openTestDatabase();
    app = await testServer(db, { settings: { cacheMaxAgeSeconds: 60 }, now: () => TEST_TODAY });
  });
  afterAll(async () => {
    await app.close();
    await db.dataSource.destroy();
  });

  async function send(options: InjectOptions) {
    const before = db.counter.count;
    const response = await app.inject(options);
    const statements = db.counter.statements.slice(before).filter((sql) => !READINESS_PROBE.test(sql)).length;
    const body = response.body === "" ? {} : response.json<{ errors?: { message: string; extensions?: Record<string, unknown> }[] }>();
    return { status: response.statusCode, headers: response.headers, body, error: body.errors?.[0], statements };
  }
  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    send({ method: "POST", url: "/graphql", headers: { "content-type": "application/json", ...headers }, payload });

  it("variables nested 5,000 deep (10 KB): BAD_USER_INPUT before anything recurses, by POST and by GET", async () => {
    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const viaPost = await post(
      `{"query":"query ($f: GovernmentFilter) { governments(filter: $f) { totalCount } }","variables":{"f":${deep}}}`,
    );
    expect([viaPost.status, viaPost.error?.extensions, viaPost.statements]).toEqual([
      400,
      { code: "BAD_USER_INPUT", argumentName: expect.stringMatching(/^variables\.f(\.a)+$/) },
      0,
    ]);
    const viaGet = await send({
      method: "GET",
      url: `/graphql?${new URLSearchParams({ query: "{ __typename }", variables: `{"f":${deep}}` }).toString()}`,
      headers: { accept: "application/json" },
    });
    expect([viaGet.status, viaGet.error?.extensions]).toEqual([400, { code: "BAD_USER_INPUT", argumentName: "variables" }]);
    // A realistic depth passes.
    const shallow = await post({
      query: "query ($f: GovernmentFilter) { governments(filter: $f) { totalCount } }",
      variables: { f: { kinds: ["MEMBER"] } },
    });
    expect(shallow.status).toBe(200);
    expect(shallow.body.errors).toBeUndefined();
  });

  it("a lone surrogate in a write's input: BAD_USER_INPUT naming the field, nothing written", async () => {
    const { secret } = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "surrogate test" });
    const answer = await post(
      `{"query":"mutation ($input: EventInput!) { recordEvent(input: $input) { __typename } }","variables":{"input":{"kind":"SEMINAR","titleEn":"A \\ud800 seminar","startsOn":"2020-12-01","source":"test"}}}`,
      { authorization: `Bearer ${secret}` },
    );
    expect([answer.status, answer.error?.extensions]).toEqual([400, { code: "BAD_USER_INPUT", argumentName: "variables.input.titleEn" }]);
    expect(answer.error?.message).toContain("lone surrogate (U+D800");
    expect((await db.dataSource.query(`SELECT count(*)::int AS n FROM event WHERE title_en LIKE 'A % seminar'`))[0].n).toBe(0);
  });

  it("the same field written 700 times (2,802 tokens, under the token limit): refused before validation compares them pair by pair", async () => {
    const query = `{ ${"about { name } ".repeat(700)}}`;
    const answer = await post({ query });
    expect([answer.status, answer.error?.extensions, answer.statements]).toEqual([
      200,
      { code: "OPERATION_LIMIT_EXCEEDED", limit: "repeatedFields", measured: 700, maximum: 20 },
      0,
    ]);
    // Inline fragments gather their fields into the set they sit in: the same comparisons, the same refusal.
    const spread = await post({ query: `{ ${"... on Query { about { name } } ".repeat(100)}}` });
    expect(spread.error?.extensions).toMatchObject({ limit: "repeatedFields", measured: 100 });
    // Aliases are distinct response names: 25 aliases of one field are not a repeated field.
    const aliased = await post({ query: `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: about { name }`).join(" ")} }` });
    expect([aliased.status, aliased.body.errors]).toEqual([200, undefined]);
  });

  it("far dates and years: BAD_USER_INPUT naming the argument, in a list and in an aggregate", async () => {
    const history = await post({ query: '{ government(slug: "jp-akita") { duesHistory(asOf: "9999-12-31") { fiscalYear } } }' });
    expect(history.error?.extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "asOf" });
    const dues = await post({ query: '{ stats(asOf: "2020-12-31") { dues(from: 9990, to: 9999) { fiscalYear } } }' });
    expect(dues.error?.extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "from" });
  });

  it("a persisted query whose hash does not match its text: 400 BAD_REQUEST saying so", async () => {
    const query = "{ about { name } }";
    const wrong = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect([wrong.status, wrong.error]).toEqual([
      400,
      { message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } },
    ]);
    const right = createHash("sha256").update(query).digest("hex");
    expect((await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: right } } })).status).toBe(200);
  });

  it("random bearer keys: after ten wrong ones an address waits, and its guesses are not looked up", async () => {
    const guess = () =>
      post(
        { query: "{ about { name } }" },
        { authorization: `Bearer near_${createHash("sha256").update(String(Math.random())).digest("base64url")}` },
      );
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await guess());
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 401));
    const waiting = answers.slice(10);
    expect(
      waiting.every((a) => a.status === 429 && a.error?.extensions?.["code"] === "RATE_LIMITED" && a.headers["retry-after"] !== undefined),
    ).toBe(true);
    expect(waiting.every((a) => a.statements === 0)).toBe(true);
  });

  it("a browser may send a key to an export: OPTIONS is a preflight there too", async () => {
    const preflight = await send({
      method: "OPTIONS",
      url: "/export/governments.csv",
      headers: {
        origin: "https://partner.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect([
      preflight.status,
      preflight.headers["access-control-allow-methods"],
      preflight.headers["access-control-allow-headers"],
    ]).toEqual([204, "GET, OPTIONS", expect.stringContaining("authorization")]);
  });

  it("an answer over MAX_RESPONSE_BYTES is refused with its code, not sent", async () => {
    const small = await testServer(db, { settings: { limits: { maxResponseBytes: 4096 } }, now: () => TEST_TODAY });
    try {
      const ask = (query: string) =>
        small.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: { query } });
      const big = await ask("{ governments(first: 100) { nodes { slug name { text } } } }");
      expect([big.statusCode, big.json().errors[0].extensions]).toEqual([
        200,
        { code: "OPERATION_LIMIT_EXCEEDED", limit: "responseBytes", measured: expect.any(Number), maximum: 4096 },
      ]);
      expect(big.json().data).toBeUndefined();
      expect((await ask("{ about { name } }")).json().data.about.name).toBeTypeOf("string");
    } finally {
      await small.close();
    }
  });
});
