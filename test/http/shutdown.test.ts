import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { createServer } from "../../src/http/server";
import { openTestDatabase } from "../support/database";
import { silentLogger } from "../support/logger";
import { BUILT_MAIN } from "../support/paths";
import { HubProcess } from "../support/process";
import { testSettings } from "../support/settings";

function postJson(url: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = httpRequest(
      `${url}/graphql`,
      { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

describe("graceful shutdown", () => {
  it("SIGTERM with 50 requests in flight: 50 complete answers, then the process exits 0", async () => {
    const hub = new HubProcess(process.execPath, [
      BUILT_MAIN,
      "--memory",
      "--port",
      "0",
      "--rate-limit-burst",
      "0",
      "--cache-max-age",
      "0",
    ]);
    const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
    const query = { query: '{ governments(first: 100) { totalCount nodes { slug votingRights(asOf: "2020-12-31") { eligible } } } }' };
    const answers = Array.from({ length: 50 }, () => postJson(url, query));
    // Every one of them has reached the hub (one log line each) before the signal.
    await hub.waitForLines('"msg":"incoming request"', 50);
    hub.kill("SIGTERM");
    const done = await Promise.all(answers);
    expect(done.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(done.every((a) => a.body.includes('"totalCount":82'))).toBe(true);
    expect((await hub.exited).code).toBe(0);
  });

  it("a request arriving while the server closes is answered 503 with Connection: close", async () => {
    const db = await openTestDatabase();
    const app = await createServer({
      dataSource: db.dataSource,
      logger: silentLogger(),
      settings: testSettings(),
      factsCompleteUntil: () => "2020-12-31",
    });
    const closing = app.close();
    const late = await app.inject({ method: "GET", url: "/healthz" });
    await closing;
    await db.dataSource.destroy();
    expect([late.statusCode, late.headers["connection"]]).toEqual([503, "close"]);
  });
});
