import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { serverAudits } from "graphql-http";
import type { AuditResult } from "graphql-http";
import { createServer } from "../../src/http/server";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY } from "../support/hub";
import { silentLogger } from "../support/logger";
import { testSettings } from "../support/settings";

/**
 * The GraphQL-over-HTTP specification's server audit (`graphql-http`), every audit of
 * it, MUST, SHOULD and MAY alike, run over a real socket: a malformed request (a
 * `query`, `variables`, `operationName` or `extensions` of the wrong type) is 400
 * under either media type, and a well-formed one is answered as the specification says.
 */
describe("the GraphQL-over-HTTP audit", () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    app = await createServer({
      dataSource: db.dataSource,
      logger: silentLogger(),
      settings: testSettings({ rateLimit: null }),
      factsCompleteUntil: () => "2020-12-31",
      now: () => TEST_TODAY,
    });
    url = `${await app.listen({ host: "127.0.0.1", port: 0 })}/graphql`;
  });
  afterAll(async () => {
    await app.close();
    await db.dataSource.destroy();
  });

  it("passes every audit", async () => {
    const audits = serverAudits({ url });
    const results: AuditResult[] = [];
    for (const audit of audits) results.push(await audit.fn());
    const failed = results
      .filter((result) => result.status !== "ok")
      .map((result) => `${result.id} ${result.name}: ${"reason" in result ? result.reason : ""}`);
    expect(failed).toEqual([]);
    // graphql-http 1.23.1 (pinned) has 61 audits.
    expect(results).toHaveLength(61);
  });
});
