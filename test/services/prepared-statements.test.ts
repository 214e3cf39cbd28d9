import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import pg from "pg";
import type { FastifyInstance } from "fastify";
import { cancelRunningStatement } from "../../src/db/cancel";
import { sendPrepared, statementName } from "../../src/db/prepared-statements";
import type { PreparingClient } from "../../src/db/prepared-statements";
import { createServer } from "../../src/http/server";
import { silentLogger } from "../support/logger";
import { databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";
import { testSettings } from "../support/settings";

/**
 * A request's statements run as named prepared statements on PostgreSQL
 * (src/db/prepared-statements.ts): parsed and planned once per connection, a bounded
 * number kept per connection, never inside a transaction or for a text of several
 * statements; and the cancel that a deadline sends (src/db/cancel.ts) needs no
 * connection from the pool.
 */
describe("prepared statements on one connection", () => {
  let database: ServiceDatabase;
  let client: pg.Client;
  const prepared = (c: pg.Client) => c as unknown as PreparingClient;
  const namesOnServer = async () =>
    (await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements ORDER BY prepare_time, name")).rows.map(
      (row) => row.name,
    );
  const send = <T>(text: string, values: unknown[] = [], limit?: number) =>
    sendPrepared(prepared(client), () => client.query(text, values) as unknown as Promise<pg.QueryResult<T & pg.QueryResultRow>>, limit);

  beforeAll(async () => {
    database = await freshDatabase();
  });
  beforeEach(async () => {
    client = new pg.Client({ connectionString: databaseUrl(database.name) });
    await client.connect();
  });
  afterEach(async () => {
    await client.end();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const BY_SLUG = "SELECT slug FROM government WHERE slug = $1";

  it("a statement with parameters is prepared once under the name of its text and answers for each call's values", async () => {
    const first = await send<{ slug: string }>(BY_SLUG, ["kr-gyeongbuk"]);
    const second = await send<{ slug: string }>(BY_SLUG, ["jp-akita"]);
    expect([first.rows, second.rows]).toEqual([[{ slug: "kr-gyeongbuk" }], [{ slug: "jp-akita" }]]);
    expect(await namesOnServer()).toEqual([statementName(BY_SLUG)]);
    expect(statementName(BY_SLUG)).toMatch(/^near_[0-9a-f]{40}$/);
  });

  it("a statement without parameters is prepared too, unless its text holds several statements", async () => {
    const one = "SELECT count(*)::int AS n FROM government";
    expect((await send<{ n: number }>(one)).rows).toEqual([{ n: 82 }]);
    // Several statements in one text: the simple protocol, as before (the extended one refuses it).
    const several = (await sendPrepared(prepared(client), () =>
      client.query("SELECT 1 AS a; SELECT 2 AS b"),
    )) as unknown as pg.QueryResult[];
    expect(several.map((result) => result.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    expect(await namesOnServer()).toEqual([statementName(one)]);
  });

  it("only what the guard sends is named; inside a transaction nothing is", async () => {
    await client.query(BY_SLUG, ["kr-gyeongbuk"]);
    await client.query("BEGIN");
    await send(BY_SLUG, ["kr-gyeongbuk"]);
    await client.query("COMMIT");
    expect(await namesOnServer()).toEqual([]);
  });

  it("beyond the limit the least recently used is deallocated, and its text, asked again, is prepared again", async () => {
    const texts = ["SELECT 1 + $1::int AS n", "SELECT 2 + $1::int AS n", "SELECT 3 + $1::int AS n"];
    await send(texts[0], [1], 2);
    await send(texts[1], [1], 2);
    await send(texts[0], [1], 2); // the first is now the most recently used
    await send(texts[2], [1], 2);
    expect((await namesOnServer()).sort()).toEqual([statementName(texts[0]), statementName(texts[2])].sort());
    const again = await send<{ n: number }>(texts[1], [10], 2);
    expect(again.rows).toEqual([{ n: 12 }]);
    expect((await namesOnServer()).sort()).toEqual([statementName(texts[1]), statementName(texts[2])].sort());
  });

  it("one statement at a time on a connection: the session's SET and a DEALLOCATE are answered before the statement after them", async () => {
    // `pg` queues a statement sent while another runs on its client; it deprecates that, and its next major refuses it.
    const direct = client.query.bind(client) as (config: unknown, ...rest: unknown[]) => Promise<unknown>;
    const sent: string[] = [];
    let running = 0;
    let most = 0;
    (client as unknown as { query: typeof direct }).query = (config, ...rest) => {
      sent.push(typeof config === "string" ? config : (config as { name: string }).name);
      most = Math.max(most, ++running);
      return direct(config, ...rest).finally(() => running--);
    };
    const OTHER = "SELECT slug FROM government WHERE country_code = $1 ORDER BY slug LIMIT 1";
    expect((await send<{ slug: string }>(BY_SLUG, ["jp-akita"], 1)).rows).toEqual([{ slug: "jp-akita" }]);
    expect((await send<{ slug: string }>(OTHER, ["KR"], 1)).rows).toHaveLength(1);
    expect(sent).toEqual([
      "SET plan_cache_mode = force_generic_plan",
      statementName(BY_SLUG),
      `DEALLOCATE "${statementName(BY_SLUG)}"`,
      statementName(OTHER),
    ]);
    expect(most).toBe(1);
    expect(await namesOnServer()).toEqual([statementName(OTHER)]);
  });

  it("a cancel stops the statement its backend runs, and a backend between statements ignores it", async () => {
    const running = client.query("SELECT pg_sleep(60)").then(
      () => null,
      (error: { code?: string }) => error.code,
    );
    const observer = new pg.Client({ connectionString: databaseUrl(database.name) });
    await observer.connect();
    try {
      const sleeping = async () =>
        (
          await observer.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' AND state = 'active'",
          )
        ).rows[0].n;
      await expect.poll(sleeping, { timeout: 30_000 }).toBe(1);
      await cancelRunningStatement(client as never);
      expect(await running).toBe("57014");
    } finally {
      await observer.end();
    }
    await cancelRunningStatement(client as never);
    expect((await client.query("SELECT 1 AS still")).rows).toEqual([{ still: 1 }]);
  });

  it("a cancel that cannot reach a server resolves (the statement is left to statement_timeout)", async () => {
    await expect(cancelRunningStatement({ host: "127.0.0.1", port: 1, processID: 1, secretKey: 1 })).resolves.toBeUndefined();
    await expect(cancelRunningStatement({ host: "127.0.0.1", port: 1, processID: null, secretKey: null })).resolves.toBeUndefined();
  });
});

describe("a hub's statements on PostgreSQL", () => {
  let database: ServiceDatabase;
  const QUERY = '{ government(slug: "kr-gyeongbuk") { slug country { code } memberships { kind } } }';

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("a transaction's statements asked at once reach its connection one at a time, in the order asked", async () => {
    const { dataSource } = await database.open({ poolSize: 1 });
    const sent: string[] = [];
    let running = 0;
    let most = 0;
    const answers = await dataSource.transaction(async (em) => {
      // The transaction's `pg` client, watched from here on: loaders batched in one turn ask at once like this.
      const client = (em.queryRunner as unknown as { databaseConnection: { query: (...args: unknown[]) => Promise<unknown> } })
        .databaseConnection;
      const direct = client.query.bind(client);
      client.query = (text, ...rest) => {
        sent.push(String(text));
        most = Math.max(most, ++running);
        return direct(text, ...rest).finally(() => running--);
      };
      return Promise.all([
        em.query("SELECT pg_sleep(0.05), 'slow' AS answer"),
        em.query("SELECT 'quick' AS answer"),
        em.query("SELECT count(*)::int AS answer FROM government"),
      ]);
    });
    expect(answers.map(([row]) => (row as { answer: unknown }).answer)).toEqual(["slow", "quick", 82]);
    expect(sent).toEqual([
      "SELECT pg_sleep(0.05), 'slow' AS answer",
      "SELECT 'quick' AS answer",
      "SELECT count(*)::int AS answer FROM government",
      "COMMIT",
    ]);
    expect(most).toBe(1);
  });

  /** A hub on one pooled connection; the statements prepared on it after the query was asked twice. */
  async function preparedAfterQuery(
    preparedStatements: boolean,
  ): Promise<{ answers: unknown[]; names: string[]; plans: { generic: number; custom: number }[]; planCacheMode: string }> {
    const { dataSource } = await database.open({ poolSize: 1, preparedStatements });
    const app: FastifyInstance = await createServer({
      dataSource,
      logger: silentLogger(),
      settings: testSettings({ rateLimit: null, cacheMaxAgeSeconds: 0 }),
      factsCompleteUntil: () => "2020-12-31",
    });
    try {
      const ask = () =>
        app.inject({ method: "POST", url: "/graphql", headers: { "content-type": "application/json" }, payload: { query: QUERY } });
      const answers = [(await ask()).json(), (await ask()).json()];
      // The pool's one connection: the hub's requests ran on it.
      const names: { name: string; generic: number; custom: number }[] = await dataSource.query(
        "SELECT name, generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements",
      );
      const [{ plan_cache_mode: planCacheMode }] = await dataSource.query("SHOW plan_cache_mode");
      return {
        answers,
        names: names.map((row) => row.name),
        plans: names.map(({ generic, custom }) => ({ generic, custom })),
        planCacheMode,
      };
    } finally {
      await app.close();
      await dataSource.destroy();
    }
  }

  it("run as named prepared statements, the same answer as without", async () => {
    const on = await preparedAfterQuery(true);
    const off = await preparedAfterQuery(false);
    expect(on.answers[0]).toMatchObject({ data: { government: { slug: "kr-gyeongbuk", country: { code: "KR" } } } });
    expect([on.answers[1], off.answers[0], off.answers[1]]).toEqual([on.answers[0], on.answers[0], on.answers[0]]);
    // One statement answers the query (tests/graphql/sql-statements): one name, asked twice.
    expect(on.names).toHaveLength(1);
    expect(on.names[0]).toMatch(/^near_/);
    expect(off.names).toEqual([]);
  });

  it("planned once per connection: a generic plan for every call, where PostgreSQL would plan a keyed read anew each time", async () => {
    const on = await preparedAfterQuery(true);
    expect(on.planCacheMode).toBe("force_generic_plan");
    expect(on.plans).toEqual([{ generic: 2, custom: 0 }]);
    // Without named statements every statement is planned where it runs anyway: the server's own choice stays.
    expect((await preparedAfterQuery(false)).planCacheMode).toBe("auto");
  });
});
