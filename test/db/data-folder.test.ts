import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../migrations";
import { createDataSource } from "../../src/db/data-source";
import { dumpEmbedded } from "../../src/db/embedded/driver";
import { snapshotOf } from "../../src/db/embedded/snapshot";
import { HubProcess } from "../support/process";
import { BUILT_MAIN, REPO_ROOT } from "../support/paths";
import { databaseState } from "../writes/support";

const BUILT = (file: string) => join(REPO_ROOT, "dist", "src", file);

/** Runs one of the built CLIs to its end. */
async function cli(file: string, args: string[], env: Record<string, string>) {
  return new HubProcess(process.execPath, [BUILT(file), ...args], env).exited;
}

async function graphql(url: string, query: string, key?: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, never>; errors?: { extensions?: { code?: string } }[] },
  };
}

async function startHub(dataDir: string): Promise<{ hub: HubProcess; url: string }> {
  const hub = new HubProcess(process.execPath, [BUILT_MAIN, "--data-dir", dataDir, "--port", "0", "--rate-limit-burst", "0"]);
  const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
  return { hub, url };
}

async function stop(hub: HubProcess): Promise<void> {
  hub.kill("SIGTERM");
  expect((await hub.exited).code).toBe(0);
}

/** Every table of an embedded folder, as `databaseState` sees it (API keys included: no one else writes here). */
async function tablesOf(dataDir: string): Promise<Record<string, string>> {
  const dataSource = createDataSource({ kind: "pglite", dataDir }, { migrations: MIGRATIONS, embedded: { worker: false } });
  await dataSource.initialize();
  try {
    const state = await databaseState(dataSource.manager);
    const [keys] = await dataSource.query(`SELECT count(*)::int AS n, md5(string_agg(k::text, '|' ORDER BY k.id)) AS h FROM api_key k`);
    return { ...state, api_key: `${keys.n}:${keys.h}` };
  } finally {
    await dataSource.destroy();
  }
}

const QUESTIONS = [
  `{ governments(first: 100) { totalCount nodes { slug name { text } membership { kind certainty } } } }`,
  `{ association { chair(asOf: "2020-12-31") { government { slug } } votingMembers(asOf: "2020-12-31") { totalCount } } }`,
  `{ meetings(first: 50) { nodes { title agendaItems { outcome { outcome decidedAt } } } } }`,
  `{ government(slug: "jp-tottori") { capital version } }`,
];

describe("one process owns an embedded data folder; keys while it runs; backups that restore", () => {
  let dir: string;
  let dataDir: string;
  let hub: HubProcess;
  let url: string;
  let admin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "near-folder-"));
    dataDir = join(dir, "data");
    ({ hub, url } = await startHub(dataDir));
  });
  afterAll(async () => {
    if (hub) hub.kill("SIGKILL");
    await hub?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it("a second hub and the CLIs that write stop at once with one line and exit code 1; the hub serves on", async () => {
    const second = await new HubProcess(process.execPath, [BUILT_MAIN, "--data-dir", dataDir, "--port", "0"]).exited;
    const line = /^(near-data-hub|seed|reporting): data folder \S+ is in use by process \d+ \(hub\); stop it, or use the running hub\n$/;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(line);
    for (const [file, args] of [
      ["seed/run.js", []],
      ["reporting.js", ["refresh"]],
    ] as const) {
      const exit = await cli(file, [...args], { DATA_DIR: dataDir });
      expect({ file, code: exit.code }).toEqual({ file, code: 1 });
      expect(exit.stderr).toMatch(line);
    }
    expect((await graphql(url, "{ countries { totalCount } }")).body).toMatchObject({ data: { countries: { totalCount: 7 } } });
  });

  it("npm run keys asks the running hub: its key works at once, and an ADMIN key makes and revokes keys by GraphQL", async () => {
    const made = await cli("keys.js", ["create", "--role", "ADMIN", "--label", "test: the folder's admin"], { DATA_DIR: dataDir });
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("Made by the running hub: it works from now on, no restart.");
    admin = /^(near_\S+)$/m.exec(made.stdout)![1];
    expect((await graphql(url, "{ apiKeys { label role } }", admin)).body).toEqual({
      data: { apiKeys: [{ label: "test: the folder's admin", role: "ADMIN" }] },
      extensions: { factsCompleteUntil: "2020-12-31" },
    });

    const created = await graphql(
      url,
      `mutation { createApiKey(input: { role: SECRETARIAT, label: "test: a desk" }) { __typename ... on CreateApiKeySuccess { key { id } secret } } }`,
      admin,
    );
    const { key, secret } = (created.body.data as unknown as { createApiKey: { key: { id: string }; secret: string } }).createApiKey;
    const profile = (k: string) =>
      graphql(
        url,
        `mutation ($v: Int!) { updateGovernmentProfile(input: { government: "jp-tottori", version: $v, source: "test", capital: "Tottori City" }) { __typename } }`,
        k,
        { v: 1 },
      );
    expect((await profile(secret)).body).toMatchObject({
      data: { updateGovernmentProfile: { __typename: "UpdateGovernmentProfileSuccess" } },
    });
    const revoked = await graphql(url, `mutation { revokeApiKey(input: { id: ${key.id} }) { __typename } }`, admin);
    expect(revoked.body).toMatchObject({ data: { revokeApiKey: { __typename: "RevokeApiKeySuccess" } } });
    expect((await graphql(url, "{ countries { totalCount } }", secret)).status).toBe(401);

    const listed = await cli("keys.js", ["list"], { DATA_DIR: dataDir });
    expect(listed.stdout).toMatch(/ADMIN .* active .*"test: the folder's admin"/);
    expect(listed.stdout).toMatch(/SECRETARIAT .* revoked .*"test: a desk"/);

    // The CLI's mistakes come back from the hub as one line and exit code 1, nothing made.
    for (const [args, line] of [
      [["create", "--role", "PARTNER", "--label", " "], /^keys: --label must not be empty/],
      [["revoke", key.id], new RegExp(`^keys: no active key ${key.id} `)],
    ] as const) {
      const refused = await cli("keys.js", [...args], { DATA_DIR: dataDir });
      expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(line)]);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await cli("keys.js", ["list"], { DATA_DIR: dataDir })).stdout.match(/PARTNER/g)).toBeNull();
  });

  it("backs up while the hub serves, and the snapshot restores into an empty folder with every table and answer the same", async () => {
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        let answered = 0;
        while (loading) {
          expect((await graphql(url, QUESTIONS[answered % QUESTIONS.length])).status).toBe(200);
          answered++;
        }
        return answered;
      }),
    );
    const backup = await cli("backup.js", [join(dir, "snapshot.near")], { DATA_DIR: dataDir });
    loading = false;
    expect((await load).every((answered) => answered > 0)).toBe(true);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain("taken by the running hub");

    const before = await Promise.all(QUESTIONS.map(async (q) => (await graphql(url, q)).body));
    await stop(hub);
    const restored = join(dir, "restored");
    const restore = await cli("restore.js", [join(dir, "snapshot.near")], { DATA_DIR: restored });
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .* into .*restored; facts complete until 2020-12-31\.$/m);
    expect(await tablesOf(restored)).toEqual(await tablesOf(dataDir));

    ({ hub, url } = await startHub(restored));
    expect(await Promise.all(QUESTIONS.map(async (q) => (await graphql(url, q)).body))).toEqual(before);
    // The keys came along: the admin's works on the restored folder.
    expect((await graphql(url, "{ apiKeys { label } }", admin)).status).toBe(200);
  });

  it("refuses a damaged or a foreign file, and leaves the target folder empty", async () => {
    const good = readFileSync(join(dir, "snapshot.near"));
    const damaged = Buffer.from(good);
    damaged[damaged.length - 100] ^= 0xff;
    writeFileSync(join(dir, "damaged.near"), damaged);
    writeFileSync(join(dir, "foreign.tar"), Buffer.alloc(4096, 7));
    for (const [file, message] of [
      ["damaged.near", /damaged .*nothing was restored/],
      ["foreign.tar", /is not a NEAR hub snapshot .*nothing was restored/],
    ] as const) {
      const target = join(dir, `into-${file}`);
      const exit = await cli("restore.js", [join(dir, file)], { DATA_DIR: target });
      expect({ file, code: exit.code }).toEqual({ file, code: 1 });
      expect(exit.stderr).toMatch(message);
      expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
    }
    // Nor over a database: a restore never overwrites one.
    const exit = await cli("restore.js", [join(dir, "snapshot.near")], { DATA_DIR: join(dir, "restored") });
    expect(exit.code).toBe(1);
  });

  it("migrates a snapshot of an older migration forward as it restores", async () => {
    const older = createDataSource({ kind: "pglite", dataDir: null }, { migrations: MIGRATIONS.slice(0, -1), embedded: { worker: false } });
    await older.initialize();
    await older.runMigrations({ transaction: "each" });
    writeFileSync(join(dir, "older.near"), await snapshotOf(older, () => dumpEmbedded(older)));
    await older.destroy();
    const restore = await cli("restore.js", [join(dir, "older.near")], { DATA_DIR: join(dir, "older") });
    expect(restore.stderr).toBe("");
    const last = MIGRATIONS.at(-1) as { name: string };
    expect(restore.stdout).toContain(`Migrated forward: ${last.name}.`);
  });

  it("refuses a snapshot of a newer build's database, and leaves the folder empty", async () => {
    class Future1899999999999 {
      name = "Future1899999999999";
      async up() {}
      async down() {}
    }
    const newer = createDataSource(
      { kind: "pglite", dataDir: null },
      { migrations: [...(MIGRATIONS as Function[]), Future1899999999999], embedded: { worker: false } },
    );
    await newer.initialize();
    await newer.runMigrations({ transaction: "each" });
    writeFileSync(join(dir, "newer.near"), await snapshotOf(newer, () => dumpEmbedded(newer)));
    await newer.destroy();
    const target = join(dir, "newer");
    const restore = await cli("restore.js", [join(dir, "newer.near")], { DATA_DIR: target });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/^restore: the database was migrated by a newer build \(Future1899999999999\)/);
    expect(readdirSync(target)).toEqual([]);
  });
});
