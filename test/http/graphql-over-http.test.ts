import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { serverAudits } from "graphql-http";
import type { AuditResult } from "graphql-http";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY, testServer } from "../support/hub";

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
    // The response cache on: a malformed request must not be answered from it.
    app = await testServer(db, { settings: { cacheMaxAgeSeconds: 60 }, now: () => TEST_TODAY });
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
