import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundScope, scopedSource } from "../../src/core/scoped-source";
import { writeGateOf } from "../../src/core/write-gate";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";

/** Turns of the event loop: enough for any statement that is free to run to be sent and answered. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * On PGlite the whole process shares one database session. A write's transaction
 * must therefore hold back every other statement until it ends: otherwise a reader
 * would run inside the open transaction and see its rows, and a rollback would undo
 * other requests' work. (On PostgreSQL each connection is isolated; the same
 * assertions hold there too.) A write runs through a scoped source, as a request's
 * do; the readers here use the real data source, as start-up and scripts do.
 */
describe("writes, one at a time, seen by no reader before they commit", () => {
  let db: TestDatabase;
  // A table of this file's own: on CI's shared PostgreSQL, other files must not see its rows come and go.
  const table = `test_write_gate_${process.pid}`;
  beforeAll(async () => {
    db = await openTestDatabase();
    await db.dataSource.query(`CREATE TABLE ${table} (slug text NOT NULL)`);
  });
  afterAll(async () => {
    await db.dataSource.query(`DROP TABLE IF EXISTS ${table}`);
    await db.dataSource.destroy();
  });

  const count = async (slug: string) =>
    (await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE slug = $1`, [slug]))[0].n;

  it("a read during an open write that then rolls back sees nothing of it, and an outside write is not undone with it", async () => {
    const gate = writeGateOf(db.dataSource);
    let insertDone!: () => void;
    const inserted = new Promise<void>((resolve) => {
      insertDone = resolve;
    });
    let failWrite!: () => void;
    const failing = new Promise<void>((resolve) => {
      failWrite = resolve;
    });
    const writer = scopedSource(db.dataSource, backgroundScope()).manager;
    const write = gate.exclusive(writer, () =>
      writer.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table} (slug) VALUES ('test-uncommitted')`);
        insertDone();
        await failing;
        throw new Error("the write fails after its insert");
      }),
    );
    await inserted;
    // A reader and another writer arrive while the transaction is open.
    const read = count("test-uncommitted");
    const outside = db.dataSource.query(`INSERT INTO ${table} (slug) VALUES ('test-outside')`);
    await turns(50);
    failWrite();
    await expect(write).rejects.toThrow("the write fails after its insert");
    expect(await read).toBe(0);
    await outside;
    expect([await count("test-uncommitted"), await count("test-outside")]).toEqual([0, 1]);
    await db.dataSource.query(`DELETE FROM ${table}`);
  });

  it("a read waiting on an open write sees it whole once it commits, never half", async () => {
    const gate = writeGateOf(db.dataSource);
    let firstDone!: () => void;
    const first = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    let finish!: () => void;
    const finishing = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const writer = scopedSource(db.dataSource, backgroundScope()).manager;
    const write = gate.exclusive(writer, () =>
      writer.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table} (slug) VALUES ('test-half-1')`);
        firstDone();
        await finishing;
        await tx.query(`INSERT INTO ${table} (slug) VALUES ('test-half-2')`);
      }),
    );
    await first;
    const read = db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table} WHERE slug LIKE 'test-half-%'`);
    await turns(50);
    finish();
    await write;
    // Both rows or neither: PGlite holds the read until the commit, PostgreSQL answers from before the transaction.
    expect([0, 2]).toContain((await read)[0].n);
    expect(await count("test-half-2")).toBe(1);
    await db.dataSource.query(`DELETE FROM ${table}`);
  });

  it("writes queue: the second starts only after the first has finished", async () => {
    const gate = writeGateOf(db.dataSource);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = gate.exclusive(scopedSource(db.dataSource, backgroundScope()).manager, async () => {
      order.push("first starts");
      await held;
      order.push("first ends");
    });
    const second = gate.exclusive(scopedSource(db.dataSource, backgroundScope()).manager, async () => {
      order.push("second starts");
    });
    await turns(20);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "first ends", "second starts"]);
  });
});
