import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDataSource } from "../../src/db/data-source";
import { BUILT_MAIN, REPO_ROOT } from "../support/paths";
import { HubProcess } from "../support/process";
import { databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";

const BUILT_KEYS = join(REPO_ROOT, "dist", "src", "keys.js");
const RECORD_EVENT = `mutation ($input: EventInput!) { recordEvent(input: $input) { __typename } }`;

/** Database flags for a hub process: a PostgreSQL URL, or a PGlite folder. */
type Where = { databaseUrl: string } | { dataDir: string };

function databaseArgs(where: Where): string[] {
  return "databaseUrl" in where ? ["--database-url", where.databaseUrl] : ["--data-dir", where.dataDir];
}

async function startHub(where: Where): Promise<{ process: HubProcess; url: string }> {
  const hub = new HubProcess(process.execPath, [BUILT_MAIN, "--port", "0", "--rate-limit-burst", "0", ...databaseArgs(where)]);
  const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
  return { process: hub, url: url };
}

/** A key made with `npm run keys` (before the hub starts, so the CLI opens the database itself). */
async function makeKey(where: Where, role: "SECRETARIAT" | "ADMIN"): Promise<string> {
  const env: Record<string, string> = "databaseUrl" in where ? { DATABASE_URL: where.databaseUrl } : { DATA_DIR: where.dataDir };
  const cli = new HubProcess(process.execPath, [BUILT_KEYS, "create", "--role", role, "--label", `crash test ${role}`], env);
  const [secret] = await cli.waitForOutput(/near_[A-Za-z0-9_-]{43}/);
  expect((await cli.exited).code).toBe(0);
  return secret;
}

/**
 * A hub killed with SIGKILL in the middle of a stream of writes: after a restart,
 * every write it acknowledged is there, and every write there is whole (its event,
 * its version and its audit entry, or none of them).
 */
describe.each([
  ["PostgreSQL", "postgres"],
  ["the embedded PGlite", "pglite"],
] as const)("a hub killed during a stream of writes, on %s", (_name, kind) => {
  let database: ServiceDatabase | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no acknowledged write and leaves no partial one", async () => {
    let where: Where;
    if (kind === "postgres") {
      database = await freshDatabase();
      where = { databaseUrl: databaseUrl(database.name) };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), "near-crash-"));
      where = { dataDir };
    }
    const secret = await makeKey(where, "SECRETARIAT");
    const admin = await makeKey(where, "ADMIN");
    const first = await startHub(where);
    const acknowledged: string[] = [];
    const write = async (index: number): Promise<void> => {
      const title = `Crash test event ${index}`;
      const response = await fetch(`${first.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({
          query: RECORD_EVENT,
          variables: { input: { kind: "SEMINAR", titleEn: title, startsOn: "2020-12-01", source: "crash test" } },
        }),
      });
      const body = (await response.json()) as { data?: { recordEvent?: { __typename: string } } };
      if (body.data?.recordEvent?.__typename === "EventWriteSuccess") acknowledged.push(title);
    };
    // Four writers keep writes in flight; the kill lands once 30 are acknowledged, with others under way.
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const index = next++;
        await write(index).catch(() => {});
        if (acknowledged.length >= 30 && !killed) {
          killed = true;
          first.process.kill("SIGKILL");
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await first.process.exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);

    const second = await startHub(where);
    try {
      const response = await fetch(`${second.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body: JSON.stringify({
          query: `{ events(first: 100, filter: { search: "Crash test event" }) { totalCount nodes { title(lang: "en") { text } } }
                    auditLog(first: 100, filter: { operation: "recordEvent" }) { totalCount } }`,
        }),
      });
      const { data } = (await response.json()) as {
        data: { events: { totalCount: number; nodes: { title: { text: string } }[] }; auditLog: { totalCount: number } };
      };
      expect(data.events.nodes.map((n) => n.title.text)).toEqual(expect.arrayContaining(acknowledged));
      // Whole or nothing: one audit entry per stored event, none without one.
      expect(data.auditLog.totalCount).toBe(data.events.totalCount);
    } finally {
      second.process.kill("SIGTERM");
      await second.process.exited;
    }
    // The row and its version, or neither: every event has its current version, equal to it, recorded at its audit entry's instant.
    const dataSource = createDataSource(
      "databaseUrl" in where ? { kind: "postgres", url: where.databaseUrl, poolSize: 1 } : { kind: "pglite", dataDir: where.dataDir },
      { embedded: { worker: false } },
    );
    await dataSource.initialize();
    try {
      const [check] = await dataSource.query(
        `SELECT (SELECT count(*) FROM event e WHERE NOT EXISTS (
                   SELECT 1 FROM history.event h WHERE h.id = e.id AND h.recorded_until = 'infinity' AND h.title_en = e.title_en))::int AS without_version,
                (SELECT count(*) FROM history.event h WHERE h.recorded_until = 'infinity'
                   AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = h.id))::int AS version_without_row,
                (SELECT count(*) FROM audit_entry a WHERE a.operation = 'recordEvent'
                   AND NOT EXISTS (SELECT 1 FROM history.event h WHERE h.recorded_from = a.at))::int AS audit_without_version`,
      );
      expect(check).toEqual({ without_version: 0, version_without_row: 0, audit_without_version: 0 });
    } finally {
      await dataSource.destroy();
    }
  });
});
