import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEngine } from "../../src/db/embedded/engine";
import type { Engine } from "../../src/db/embedded/engine";
import { SessionStatements, readAnswer } from "../../src/db/embedded/wire";
import { statementName } from "../../src/db/prepared-statements";

/**
 * The embedded session's named prepared statements (src/db/embedded/wire.ts): what is
 * sent for a statement follows what the session's answers said (parsed or not, in a
 * transaction or not), and PGlite holds exactly the statements the hub remembers.
 */
const BY_SLUG = "SELECT $1::text AS slug";
const type = (bytes: Uint8Array) => String.fromCharCode(bytes[0]);
const mentions = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);

/** Answers as the server writes them, only the messages the bookkeeping reads. */
const message = (kind: string, body: number[] = []) => [kind.charCodeAt(0), 0, 0, 0, 4 + body.length, ...body];
const answer = (...messages: number[][]) => Uint8Array.from(messages.flat());
const ready = (status: "I" | "T" | "E") => message("Z", [status.charCodeAt(0)]);
const PARSED = message("1");
const CLOSED = message("3");
const FAILED = message("E", [0]);

describe("the embedded session's statement names", () => {
  it("a statement is parsed under its text's name the first time, and only bound after", () => {
    const session = new SessionStatements();
    const first = session.messages(BY_SLUG, ["a"]);
    expect([type(first.bytes), mentions(first.bytes, statementName(BY_SLUG))]).toEqual(["P", true]);
    first.learn(answer(PARSED, ready("I")));
    expect(type(session.messages(BY_SLUG, ["b"]).bytes)).toBe("B");
  });

  it("a Parse the session refused is sent again next time", () => {
    const session = new SessionStatements();
    session.messages(BY_SLUG, ["a"]).learn(answer(FAILED, ready("I")));
    expect(type(session.messages(BY_SLUG, ["a"]).bytes)).toBe("P");
  });

  it("inside a transaction, and for several statements in one text, nothing is named; the simple protocol stays simple", () => {
    const session = new SessionStatements();
    session.messages("BEGIN", null).learn(answer(message("C", [0]), ready("T")));
    expect(mentions(session.messages(BY_SLUG, ["a"]).bytes, "near_")).toBe(false);
    session.messages("COMMIT", null).learn(answer(message("C", [0]), ready("I")));
    expect(mentions(session.messages("SELECT 1; SELECT 2", []).bytes, "near_")).toBe(false);
    expect(type(session.messages("SELECT 1", null).bytes)).toBe("Q");
    expect(mentions(session.messages("SELECT 1", []).bytes, "near_")).toBe(true);
  });

  it("beyond its limit the least recently used name is closed before the new one is parsed", () => {
    const session = new SessionStatements(2);
    const texts = ["SELECT $1::int AS a", "SELECT $1::int AS b", "SELECT $1::int AS c"] as const;
    session.messages(texts[0], [1]).learn(answer(PARSED, ready("I")));
    session.messages(texts[1], [1]).learn(answer(PARSED, ready("I")));
    session.messages(texts[0], [1]).learn(answer(ready("I"))); // the first is now the most recently used
    const third = session.messages(texts[2], [1]);
    expect([type(third.bytes), mentions(third.bytes, statementName(texts[1])), mentions(third.bytes, statementName(texts[2]))]).toEqual([
      "C",
      true,
      true,
    ]);
    third.learn(answer(CLOSED, PARSED, ready("I")));
    // The first and the third are held: only bound.
    expect([texts[0], texts[2]].map((text) => type(session.messages(text, [1]).bytes))).toEqual(["B", "B"]);
  });
});

describe("named statements in PGlite", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ dataDir: null });
  });
  afterAll(async () => {
    await engine.handle({ op: "close" });
  });

  const ask = async (sql: string, params: unknown[] | null = []) =>
    readAnswer((await engine.handle(params === null ? { op: "exec", sql } : { op: "query", sql, params }))!);
  const onServer = async () =>
    (await ask("SELECT name FROM pg_prepared_statements WHERE statement NOT LIKE '%pg_prepared_statements%' ORDER BY name")).rows.map(
      (row) => row["name"],
    );

  it("run with the engine's settings: a small buffer pool, no bitmap scans (each would ask a table's size of the file system), plans kept", async () => {
    const settings = await ask(
      "SELECT current_setting('shared_buffers') AS buffers, current_setting('enable_bitmapscan') AS bitmap, current_setting('plan_cache_mode') AS plans",
    );
    expect(settings.rows).toEqual([{ buffers: "8MB", bitmap: "off", plans: "force_generic_plan" }]);
  });

  it("plan a named statement once: every later call runs its generic plan", async () => {
    const bySlug = "SELECT $1::text AS slug, $2::int AS n";
    for (const n of [1, 2, 3]) expect((await ask(bySlug, ["x", n])).rows).toEqual([{ slug: "x", n }]);
    const plans = await ask(
      `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = $1`,
      [statementName(bySlug)],
    );
    expect(plans.rows).toEqual([{ generic: 3, custom: 0 }]);
  });

  it("hold what the session parsed, each answering for its own values, and none from a transaction or a refused Parse", async () => {
    const inTransaction = "SELECT $1::int + 1 AS n";
    const refused = "SELECT nonsense FROM nowhere WHERE x = $1";
    expect((await ask(BY_SLUG, ["kr-gyeongbuk"])).rows).toEqual([{ slug: "kr-gyeongbuk" }]);
    expect((await ask(BY_SLUG, ["jp-akita"])).rows).toEqual([{ slug: "jp-akita" }]);
    await expect(ask(refused, [1])).rejects.toMatchObject({ code: "42P01" });
    await ask("BEGIN", null);
    await ask(inTransaction, [1]);
    await ask("COMMIT", null);
    const held = await onServer();
    expect([
      held.includes(statementName(BY_SLUG)),
      held.includes(statementName(inTransaction)),
      held.includes(statementName(refused)),
    ]).toEqual([true, false, false]);
    // A bad value after a good Parse: the statement is the session's, and the next call binds it.
    const typed = "SELECT $1::int AS n";
    await expect(ask(typed, ["not a number"])).rejects.toMatchObject({ code: "22P02" });
    expect((await ask(typed, [7])).rows).toEqual([{ n: 7 }]);
    expect(await onServer()).toContain(statementName(typed));
  });
});
