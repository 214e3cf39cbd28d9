import { describe, expect, it } from "vitest";
import { createTestDataSource } from "../support/database";
import { createServer } from "../../src/http/server";
import { silentLogger } from "../support/logger";
import { testSettings } from "../support/settings";

describe("HTTP when the database is gone", () => {
  it("a data source that never opened: not ready, and a query's failure masked as INTERNAL_SERVER_ERROR", async () => {
    // Never initialized (a fault of the code, not of the database: losing PostgreSQL is test/services/faults.test.ts).
    const dataSource = createTestDataSource({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/gone", poolSize: 1 });
    const app = await createServer({
      dataSource,
      logger: silentLogger(),
      settings: testSettings(),
      factsCompleteUntil: () => "2020-12-31",
    });
    try {
      const ready = await app.inject({ method: "GET", url: "/readyz" });
      expect([ready.statusCode, ready.json()]).toEqual([503, { status: "not ready", reason: "database unreachable" }]);
      const response = await app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json" },
        payload: { query: `{ government(slug: "kr-gyeongbuk") { slug } }` },
      });
      expect(response.json()).toEqual({
        data: { government: null },
        errors: [
          {
            message: "Internal server error",
            locations: [{ line: 1, column: 3 }],
            path: ["government"],
            extensions: { code: "INTERNAL_SERVER_ERROR" },
          },
        ],
        extensions: { factsCompleteUntil: "2020-12-31" },
      });
    } finally {
      await app.close();
    }
  });
});
