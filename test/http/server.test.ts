import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createServer } from "../../src/http/server";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY } from "../support/hub";
import { silentLogger } from "../support/logger";
import { testSettings } from "../support/settings";

describe("HTTP", () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openTestDatabase();
    app = await createServer({
      dataSource: db.dataSource,
      logger: silentLogger(),
      settings: testSettings(),
      factsCompleteUntil: () => "2020-12-31",
      now: () => TEST_TODAY,
    });
  });
  afterAll(async () => {
    await app.close();
    await db.dataSource.destroy();
  });

  it("answers POST /graphql with JSON, the facts horizon, and the caller's request id", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", "x-request-id": "abc-123" },
      payload: { query: `{ government(slug: "kr-gyeongbuk") { slug } }` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-request-id"]).toBe("abc-123");
    expect(response.json()).toEqual({ data: { government: { slug: "kr-gyeongbuk" } }, extensions: { factsCompleteUntil: "2020-12-31" } });
  });

  it("answers GET /graphql?query= (GraphQL over HTTP), with a fresh request id when none is given", async () => {
    const response = await app.inject({ method: "GET", url: `/graphql?query=${encodeURIComponent('{ country(code: "mn") { code } }')}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.json().data).toEqual({ country: { code: "MN" } });
  });

  it("speaks application/graphql-response+json: 400 for a query that does not parse", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      payload: { query: "{ governments(" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/graphql-response+json");
    expect(response.json().errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("takes the default language of names from Accept-Language", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", "accept-language": "ko-KR,ko;q=0.9,en;q=0.8" },
      payload: { query: `{ government(slug: "kr-gyeongbuk") { name { text lang } } }` },
    });
    expect(response.json().data).toEqual({ government: { name: { text: "경상북도", lang: "KO" } } });
  });

  it("serves GraphiQL to browsers at /graphql and /, loading nothing from another host", async () => {
    for (const url of ["/graphql", "/"]) {
      const response = await app.inject({ method: "GET", url, headers: { accept: "text/html,application/xhtml+xml" } });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      const references = [...response.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(references.length).toBeGreaterThan(4);
      for (const reference of references) {
        expect(reference.startsWith("/graphiql/assets/")).toBe(true);
        const asset = await app.inject({ method: "GET", url: reference });
        expect(asset.statusCode).toBe(200);
      }
    }
    const ownScripts = await Promise.all(
      ["explorer.js", "examples.js"].map((name) => app.inject({ method: "GET", url: `/graphiql/assets/${name}` })),
    );
    for (const script of ownScripts) expect(script.body).not.toMatch(/https?:\/\//);
    expect((await app.inject({ method: "GET", url: "/graphiql/assets/nope.js" })).statusCode).toBe(404);
  });

  it("reports liveness and readiness", async () => {
    expect((await app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await app.inject({ method: "GET", url: "/readyz" });
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: "ready", sharedState: "memory" }]);
  });
});
