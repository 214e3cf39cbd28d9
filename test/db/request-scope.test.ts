import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeadlineExceededError } from "../../src/core/errors";
import { scopedSource } from "../../src/core/scoped-source";
import { Government } from "../../src/modules/government";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";

describe("statements answer to their request's signal (through its scoped source)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dataSource.destroy();
  });

  it("counts a request's statements, and once its signal aborts sends none: raw SQL, repositories and query builders alike", async () => {
    const controller = new AbortController();
    const scope = { signal: controller.signal, statements: 0 };
    const em = scopedSource(db.dataSource, scope).manager;
    await em.query("SELECT 1");
    await em.getRepository(Government).count();
    expect(scope.statements).toBe(2);

    controller.abort("deadline");
    const before = db.counter.count;
    const attempts = await Promise.allSettled([
      em.query("SELECT 1"),
      em.getRepository(Government).findOneBy({ slug: "jp-akita" }),
      em.getRepository(Government).createQueryBuilder("g").getMany(),
      em.transaction((tx) => tx.query("SELECT 1")),
    ]);
    expect(
      attempts.map((a) => (a.status === "rejected" && a.reason instanceof DeadlineExceededError ? a.reason.reason : a.status)),
    ).toEqual(["deadline", "deadline", "deadline", "deadline"]);
    expect([db.counter.count - before, scope.statements]).toEqual([0, 2]);
    // Outside any request (start-up, seeds, scripts: the real data source) nothing is guarded.
    expect(await db.dataSource.manager.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("past its deadline sends nothing even when the deadline's timer has not fired: work that never yields cannot outrun it", async () => {
    const scope = { signal: new AbortController().signal, deadlineAt: performance.now() + 50, statements: 0 };
    const em = scopedSource(db.dataSource, scope).manager;
    await em.query("SELECT 1");
    // Busy, without yielding, past the deadline: no timer could have fired meanwhile.
    for (const started = performance.now(); performance.now() - started < 60; );
    const before = db.counter.count;
    await expect(em.query("SELECT 1")).rejects.toBeInstanceOf(DeadlineExceededError);
    expect([db.counter.count - before, scope.statements]).toEqual([0, 1]);
  });
});
