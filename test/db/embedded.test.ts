import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type * as DriverModule from "../../src/db/embedded/driver";
import type * as ImageModule from "../../src/db/embedded/image";
import { startingImage as startingImageOfSources } from "../../src/db/embedded/image";
import { REPO_ROOT } from "../support/paths";

/**
 * The embedded database's own driver as the hub runs it (the built files: PGlite's
 * worker thread is a file of the build), and the start-up image's unpacking.
 */
type Driver = typeof DriverModule;
type Image = typeof ImageModule;
type Pool = {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(done: (error: unknown) => void): void;
};

const built = <T>(file: string): T => require(join(REPO_ROOT, "dist", "src", "db", "embedded", file)) as T;

describe("the embedded database in its worker thread", () => {
  let pool: Pool;

  beforeAll(() => {
    const { embeddedDriver } = built<Driver>("driver.js");
    const { Pool } = embeddedDriver({ dataDir: null, worker: true });
    pool = new Pool() as unknown as Pool;
  });
  afterAll(async () => {
    await new Promise((resolve) => pool.end(resolve));
  });

  it("answers statements with parameters, dates as ISO text, and multi-statement strings", async () => {
    const { rows } = await pool.query("SELECT $1::int + 1 AS n, '2020-12-31'::date AS day, true AS yes", [41]);
    expect(rows).toEqual([{ n: 42, day: "2020-12-31", yes: true }]);
    await pool.query("CREATE TABLE t (k text PRIMARY KEY); INSERT INTO t VALUES ('a')");
    expect((await pool.query("SELECT k FROM t")).rows).toEqual([{ k: "a" }]);
  });

  it("hands back PostgreSQL's error fields (code, constraint, detail) for the hub's error mapping", async () => {
    const error = await pool.query("INSERT INTO t VALUES ($1)", ["a"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "23505", constraint: "t_pkey", message: expect.stringContaining("duplicate key") });
  });

  it("reads values as pg reads them from a server: types, nulls, arrays, json, counts, and values as pg sends them", async () => {
    const { rows } = await pool.query(
      `SELECT 9007199254740993::int8 AS big, 1.50::numeric AS price, '{"a":[1,"二"]}'::json AS doc, ARRAY['x', NULL]::text[] AS list,
              '2020-12-31T23:30:00Z'::timestamptz AS at, NULL::text AS nothing, $1::boolean AS one, $2::boolean AS word,
              $3::int[] AS ints, $4::jsonb AS object, $5::timestamptz AS sent`,
      [1, "false", [1, 2], { b: "三" }, new Date("2020-06-01T00:00:00Z")],
    );
    expect(rows).toEqual([
      {
        big: "9007199254740993",
        price: "1.50",
        doc: { a: [1, "二"] },
        list: ["x", null],
        at: new Date("2020-12-31T23:30:00Z"),
        nothing: null,
        one: true,
        word: false,
        ints: [1, 2],
        object: { b: "三" },
        sent: new Date("2020-06-01T00:00:00Z"),
      },
    ]);
    await pool.query("CREATE TABLE counted (n int)");
    await pool.query("INSERT INTO counted SELECT generate_series(1, 3)");
    expect(await pool.query("UPDATE counted SET n = n + $1 WHERE n > 1", [10])).toMatchObject({ command: "UPDATE", rowCount: 2 });
  });

  // About 900 KB: PGlite hands an answer over in pieces of a few KB (111 for this one when written), which are joined before reading.
  it("reads an answer of about 900 KB, handed over in many pieces, whole", async () => {
    const { rows } = await pool.query("SELECT n, repeat('한', $1) AS text FROM generate_series(1, 300) AS n", [1000]);
    expect(rows).toHaveLength(300);
    expect(rows.every((row, index) => row["n"] === index + 1 && row["text"] === "한".repeat(1000))).toBe(true);
  });

  it("keeps a transaction's statements together in its one session", async () => {
    await pool.query("BEGIN");
    await pool.query("INSERT INTO t VALUES ($1)", ["b"]);
    await pool.query("ROLLBACK");
    expect((await pool.query("SELECT count(*)::int AS n FROM t")).rows).toEqual([{ n: 1 }]);
  });

  it("leaves the event loop free while a statement runs: a thousand turns pass during one statement", async () => {
    let settled = false;
    const statement = pool.query("SELECT pg_sleep($1)", [3]).then(() => (settled = true));
    // Wait until the thread has the statement (the round trip of a cheap one queued behind it would wait too long).
    for (let turn = 0; turn < 1000; turn++) await new Promise((resolve) => setImmediate(resolve));
    // In this thread, PGlite would have held the loop for the whole statement, and it would be settled by now.
    expect(settled).toBe(false);
    await statement;
  });
});

describe("the start-up image", () => {
  const { restoreImage, startingImage } = built<Image>("image.js");
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "near-image-"));
  });
  afterEach(() => {
    for (const name of readdirSync(work)) rmSync(join(work, name), { recursive: true, force: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A gzipped tar of a small tree, made by the system's tar as PGlite's dump lays it out (names from the root). */
  function packTree(): string {
    const tree = join(work, "tree");
    mkdirSync(join(tree, "base", "1"), { recursive: true });
    mkdirSync(join(tree, "pg_wal", "archive_status"), { recursive: true });
    writeFileSync(join(tree, "PG_VERSION"), "17\n");
    writeFileSync(join(tree, "base", "1", "1259"), Buffer.alloc(8192 + 17, 7));
    const file = join(work, "image.tar.gz");
    execFileSync("tar", ["-czf", file, "-C", tree, "PG_VERSION", "base", "pg_wal"]);
    return file;
  }

  it("unpacks into an empty folder, files and empty folders alike, and leaves no staging folder", () => {
    const file = packTree();
    const target = join(work, "data");
    mkdirSync(target);
    restoreImage(file, target);
    expect(readFileSync(join(target, "PG_VERSION"), "utf8")).toBe("17\n");
    expect(readFileSync(join(target, "base", "1", "1259"))).toEqual(Buffer.alloc(8192 + 17, 7));
    expect(readdirSync(join(target, "pg_wal"))).toEqual(["archive_status"]);
    expect(readdirSync(work).filter((name) => name.includes("restoring"))).toEqual([]);
  });

  it("refuses an image naming a file outside its folder, and writes nothing", () => {
    const evil = join(work, "evil");
    mkdirSync(join(evil, "x"), { recursive: true });
    writeFileSync(join(work, "outside"), "no");
    const file = join(work, "evil.tar");
    execFileSync("tar", ["-cf", file, "-C", evil, "--absolute-names", "x/../../outside"]);
    const target = join(work, "data");
    expect(() => restoreImage(file, target)).toThrow(/outside its folder/);
    expect(readdirSync(work).filter((name) => name === "data" || name.includes("restoring"))).toEqual([]);
  });

  it("is used only for an empty folder with seeding on", () => {
    const full = join(work, "full");
    mkdirSync(full);
    writeFileSync(join(full, "PG_VERSION"), "17\n");
    expect(startingImage(full, true)).toEqual({ reason: "the folder is not empty" });
    expect(startingImage(join(work, "missing"), false)).toEqual({ reason: "seeding is off" });
  });

  it("is not used by a build without one (the sources here have no image beside them)", () => {
    expect(startingImageOfSources(join(work, "missing"), true)).toEqual({ reason: "no image in this build" });
  });
});
