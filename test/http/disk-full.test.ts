import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createApiKey } from "../../src/modules/access";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY, testServer } from "../support/hub";
import { BUILT_MAIN, REPO_ROOT } from "../support/paths";
import { HubProcess } from "../support/process";

const RECORD_EVENT = (title: string) => ({
  query: `mutation { recordEvent(input: { kind: SEMINAR, titleEn: "${title}", startsOn: "2020-12-01", source: "test" }) { __typename } }`,
});
const READ = { query: '{ government(slug: "jp-akita") { slug } }' };

/**
 * A full disk: writes are refused 503 STORAGE_FULL and the hub says it is not ready,
 * reads go on, and writes come back once there is room. The probe that found it:
 * 9,471 requests answered 500 in 50 s with the embedded folder's disk full, and
 * `/readyz` said ready throughout.
 */
describe("a full disk", () => {
  describe("the database reports it (SQLSTATE 53100, as PostgreSQL does)", () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let secret: string;
    beforeAll(async () => {
      db = await openTestDatabase();
      app = await testServer(db, { settings: { cacheMaxAgeSeconds: 60 }, now: () => TEST_TODAY });
      ({ secret } = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "disk test" }));
    });
    afterAll(async () => {
      await app.close();
      await db.dataSource.destroy();
    });

    it("a write is 503 STORAGE_FULL with Retry-After, /readyz is not ready, reads are answered", async () => {
      // Only this test's row meets the full disk: on PostgreSQL the suite's other files share the table.
      await db.dataSource.query(`CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.title_en = 'Full disk seminar' THEN
            RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device' USING ERRCODE = 'disk_full';
          END IF;
          RETURN NEW;
        END $$`);
      await db.dataSource.query(`CREATE TRIGGER test_disk_full BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION test_disk_full()`);
      try {
        const write = await app.inject({
          method: "POST",
          url: "/graphql",
          headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
          payload: RECORD_EVENT("Full disk seminar"),
        });
        expect([write.statusCode, write.headers["retry-after"], write.json().errors[0].extensions]).toEqual([
          503,
          "5",
          { code: "STORAGE_FULL" },
        ]);
        const ready = await app.inject({ method: "GET", url: "/readyz" });
        expect([ready.statusCode, ready.json()]).toEqual([503, { status: "not ready", reason: "disk full" }]);
        const read = await app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: READ });
        expect(read.statusCode).toBe(200);
      } finally {
        await db.dataSource.query(`DROP TRIGGER test_disk_full ON event; DROP FUNCTION test_disk_full()`);
      }
    });
  });

  it("the embedded folder's disk reads full: writes refused before they begin, /readyz not ready; with room again, writes work", async () => {
    const dir = mkdtempSync(join(tmpdir(), "near-disk-"));
    const flag = join(dir, "full");
    try {
      const hub = new HubProcess(
        process.execPath,
        ["--require", join(REPO_ROOT, "test", "support", "full-disk.cjs"), BUILT_MAIN, "--data-dir", join(dir, "data"), "--port", "0"],
        { NEAR_TEST_FULL_DISK_DIR: join(dir, "data"), NEAR_TEST_FULL_DISK_FLAG: flag },
      );
      const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
      const made = await new HubProcess(
        process.execPath,
        [join(REPO_ROOT, "dist", "src", "keys.js"), "create", "--role", "SECRETARIAT", "--label", "disk"],
        {
          DATA_DIR: join(dir, "data"),
        },
      ).exited;
      const secret = /^(near_\S+)$/m.exec(made.stdout)![1];
      const post = (body: object, key?: string) =>
        fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify(body),
        });
      const readyz = async () => (await fetch(`${url}/readyz`)).json();

      writeFileSync(flag, "");
      await expect.poll(readyz, { timeout: 30_000 }).toEqual({ status: "not ready", reason: "disk full" });
      const refused = await post(RECORD_EVENT("Full disk seminar"), secret);
      expect([refused.status, ((await refused.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions]).toEqual([
        503,
        { code: "STORAGE_FULL" },
      ]);
      expect((await post(READ)).status).toBe(200);
      // The CLI hears it too, in one line.
      const cli = await new HubProcess(
        process.execPath,
        [join(REPO_ROOT, "dist", "src", "keys.js"), "create", "--role", "PARTNER", "--label", "full"],
        {
          DATA_DIR: join(dir, "data"),
        },
      ).exited;
      expect([cli.code, cli.stderr]).toEqual([1, expect.stringMatching(/^keys: The database's disk is full/)]);

      rmSync(flag);
      await expect.poll(readyz, { timeout: 30_000 }).toMatchObject({ status: "ready" });
      const written = await post(RECORD_EVENT("Room again seminar"), secret);
      expect(((await written.json()) as { data: { recordEvent: { __typename: string } } }).data.recordEvent.__typename).toBe(
        "EventWriteSuccess",
      );
      hub.kill("SIGTERM");
      expect((await hub.exited).code).toBe(0);
      expect(hub.stdout).toContain("the data folder's disk is full: writes are refused until space is freed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
