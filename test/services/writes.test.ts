import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { createServer } from "../../src/http/server";
import { RedisState } from "../../src/http/redis-state";
import { createApiKey, revokeApiKey } from "../../src/modules/access";
import { silentLogger } from "../support/logger";
import { REDIS_URL, admin, databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";
import { testSettings } from "../support/settings";
import type { DataSource } from "typeorm";

interface Replica {
  app: FastifyInstance;
  shared: RedisState;
}

const PAYMENT = `mutation ($input: RecordDuesPaymentInput!) {
  recordDuesPayment(input: $input) { __typename ... on MutationProblem { code message } }
}`;

/**
 * Secretariat writes on the machine's PostgreSQL, with two replicas sharing Redis:
 * keys refused everywhere once revoked, answers invalidated everywhere after a
 * write, one success for two clients racing on the same payment, and an audit log
 * the hub's runtime role can only append to.
 */
describe("secretariat writes on PostgreSQL, across replicas", () => {
  let database: ServiceDatabase;
  let dataSource: DataSource;
  const replicas: Replica[] = [];
  const prefix = `near-test-${randomUUID()}:`;

  async function replica(): Promise<Replica> {
    const opened = await database.open();
    const shared = new RedisState(REDIS_URL, silentLogger(), () => {}, prefix);
    await shared.connect();
    const app = await createServer({
      dataSource: opened.dataSource,
      logger: silentLogger(),
      settings: testSettings({ rateLimit: null }),
      factsCompleteUntil: () => "2020-12-31",
      shared,
      now: () => new Date("2020-12-31T12:00:00Z"),
    });
    replicas.push({ app, shared });
    return { app, shared };
  }

  beforeAll(async () => {
    database = await freshDatabase();
    dataSource = (await database.open()).dataSource;
  });
  afterAll(async () => {
    for (const { app, shared } of replicas) {
      await app.close();
      await shared.close();
    }
    await database?.drop();
  });

  const graphql = (app: FastifyInstance, query: string, variables: Record<string, unknown> = {}, secret?: string) =>
    app.inject({
      method: "POST",
      url: "/graphql",
      headers: { "content-type": "application/json", ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
  const publicGet = (app: FastifyInstance, query: string) =>
    app.inject({ method: "GET", url: `/graphql?${new URLSearchParams({ query }).toString()}`, headers: { accept: "application/json" } });

  it("a revoked key, and an expired one, is refused on the next request by every replica", async () => {
    const [a, b] = [await replica(), await replica()];
    const { key, secret } = await createApiKey(dataSource.manager, { role: "SECRETARIAT", label: "revocation test" });
    const ask = (app: FastifyInstance) => graphql(app, "{ about { name } }", {}, secret);
    expect([(await ask(a.app)).statusCode, (await ask(b.app)).statusCode]).toEqual([200, 200]);
    expect(await revokeApiKey(dataSource.manager, key.id)).toBe(true);
    const refused = [await ask(a.app), await ask(b.app)];
    expect(refused.map((r) => [r.statusCode, r.json().errors[0].extensions.code])).toEqual([
      [401, "UNAUTHENTICATED"],
      [401, "UNAUTHENTICATED"],
    ]);
    // Expiry: the key is made valid, then its expiry passes (set in the database, as time would).
    const expiring = await createApiKey(dataSource.manager, {
      role: "PARTNER",
      label: "expiry test",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect((await graphql(a.app, "{ about { name } }", {}, expiring.secret)).statusCode).toBe(200);
    await dataSource.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.key.id]);
    expect((await graphql(b.app, "{ about { name } }", {}, expiring.secret)).statusCode).toBe(401);
  });

  it("a write on one replica invalidates the answers every replica keeps, and the secretariat's answers are never kept", async () => {
    const [a, b] = [await replica(), await replica()];
    const { secret } = await createApiKey(dataSource.manager, { role: "SECRETARIAT", label: "cache test" });
    const query = '{ government(slug: "jp-tottori") { headOfGovernment version } }';
    const first = await publicGet(b.app, query);
    expect(first.json().data.government.headOfGovernment).toBeNull();
    const version = first.json().data.government.version as number;
    expect((await publicGet(b.app, query)).json()).toEqual(first.json());

    const written = await graphql(
      a.app,
      `mutation ($input: UpdateGovernmentProfileInput!) { updateGovernmentProfile(input: $input) { __typename } }`,
      { input: { government: "jp-tottori", version, source: "test source", headOfGovernment: "Test Governor" } },
      secret,
    );
    expect(written.json().data.updateGovernmentProfile.__typename).toBe("UpdateGovernmentProfileSuccess");
    expect(written.headers["cache-control"]).toBe("private, no-store");
    // Replica b kept the old answer in Redis; the write changed the cache's generation, so b asks the database again.
    expect((await publicGet(b.app, query)).json().data.government.headOfGovernment).toBe("Test Governor");
  });

  it("two clients recording the same payment at once: one success, one CONFLICT, never a duplicate", async () => {
    const [a, b] = [await replica(), await replica()];
    const { secret } = await createApiKey(dataSource.manager, { role: "SECRETARIAT", label: "race test" });
    const { version } = (await dataSource.query(`SELECT version FROM government WHERE slug = 'jp-shimane'`))[0] as { version: number };
    const input = {
      government: "jp-shimane",
      version,
      fiscalYear: 2020,
      amountMinor: "1180000",
      currency: "KRW",
      creditedUsdCents: 100_000,
      paidOn: "2020-03-02",
      reference: "RACE-2020-001",
    };
    const answers = await Promise.all([graphql(a.app, PAYMENT, { input }, secret), graphql(b.app, PAYMENT, { input }, secret)]);
    const kinds = answers.map((r) => r.json().data.recordDuesPayment.__typename as string).sort((x, y) => x.localeCompare(y));
    expect(kinds).toEqual(["Conflict", "RecordDuesPaymentSuccess"]);
    const rows = await dataSource.query(`SELECT count(*)::int AS n FROM dues_payment WHERE reference = 'RACE-2020-001'`);
    const audits = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE operation = 'recordDuesPayment' AND input->>'reference' = 'RACE-2020-001'`,
    );
    expect([rows[0].n, audits[0].n]).toEqual([1, 1]);
  });

  it("the version trigger refuses a version older than the row's current one: versions never go out of order", async () => {
    const [first, second] = [
      new pg.Client({ connectionString: databaseUrl(database.name) }),
      new pg.Client({ connectionString: databaseUrl(database.name) }),
    ];
    await Promise.all([first.connect(), second.connect()]);
    try {
      // The first write fixes its recorded instant, then a second write starts, changes the row and commits.
      await first.query("BEGIN");
      await first.query("SELECT near_start_recording()");
      await second.query("BEGIN");
      await second.query("SELECT near_start_recording()");
      await second.query(`UPDATE government SET head_of_government = 'Second write' WHERE slug = 'jp-akita'`);
      await second.query("COMMIT");
      // The first write's version would start before the second's: refused as a serialization failure (the hub tries again).
      const refused = await first.query(`UPDATE government SET head_of_government = 'First write' WHERE slug = 'jp-akita'`).then(
        () => "allowed",
        (error: { code?: string }) => error.code,
      );
      await first.query("ROLLBACK");
      expect(refused).toBe("40001");
      const versions = await first.query(
        `SELECT recorded_from, recorded_until, head_of_government FROM history.government
          WHERE id = (SELECT id FROM government WHERE slug = 'jp-akita') ORDER BY recorded_from`,
      );
      const rows = versions.rows as { recorded_from: Date; recorded_until: Date; head_of_government: string | null }[];
      // Each version ends where the next begins, and the current one is the second write's.
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].recorded_until).toEqual(rows[i].recorded_from);
      expect(rows.at(-1)?.head_of_government).toBe("Second write");
      expect(rows.some((row) => row.head_of_government === "First write")).toBe(false);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it("a hub's write overtaken by another writer's newer version is tried again: both versions kept, in order", async () => {
    const [hub] = [await replica()];
    const { secret } = await createApiKey(dataSource.manager, { role: "SECRETARIAT", label: "overtaken test" });
    const { id, version } = (await dataSource.query(`SELECT id, version FROM government WHERE slug = 'jp-shimane'`))[0] as {
      id: number;
      version: number;
    };
    const other = new pg.Client({ connectionString: databaseUrl(database.name) });
    await other.connect();
    try {
      // Another writer holds the row; the hub's write starts (its recorded instant fixed) and waits on it.
      await other.query("BEGIN");
      await other.query("SELECT 1 FROM government WHERE id = $1 FOR UPDATE", [id]);
      const written = graphql(
        hub.app,
        `mutation ($input: UpdateGovernmentProfileInput!) { updateGovernmentProfile(input: $input) { __typename ... on MutationProblem { code message } } }`,
        { input: { government: "jp-shimane", version, source: "test source", headOfGovernment: "Hub write" } },
        secret,
      ).then((response) => response); // an injected request starts when it is awaited
      await expect
        .poll(
          async () =>
            (
              await other.query(
                // pg_locks, not pg_stat_activity: the activity view is a snapshot kept for the whole transaction.
                `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`,
              )
            ).rows[0].n,
          { timeout: 30_000, interval: 20 },
        )
        .toBe(1);
      // The other writer records its version after the hub's write began, and commits.
      await other.query("SELECT near_start_recording()");
      await other.query("UPDATE government SET capital = 'Other write' WHERE id = $1", [id]);
      await other.query("COMMIT");
      expect((await written).json().data.updateGovernmentProfile.__typename).toBe("UpdateGovernmentProfileSuccess");
      const versions = await other.query(
        `SELECT recorded_from, recorded_until, capital, head_of_government FROM history.government WHERE id = $1 ORDER BY recorded_from`,
        [id],
      );
      const rows = versions.rows as { recorded_from: Date; recorded_until: Date; capital: string; head_of_government: string | null }[];
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].recorded_until).toEqual(rows[i].recorded_from);
      expect(rows.slice(-2).map((row) => [row.capital, row.head_of_government])).toEqual([
        ["Other write", null],
        ["Other write", "Hub write"],
      ]);
      // The audit entry carries the instant of the attempt that committed: the last version's.
      const audit = await other.query(
        `SELECT at FROM audit_entry WHERE operation = 'updateGovernmentProfile' AND input->>'government' = 'jp-shimane'`,
      );
      expect(audit.rows.map((row: { at: Date }) => row.at)).toEqual([rows.at(-1)!.recorded_from]);
    } finally {
      await other.end();
    }
  });

  it("the runtime role near_hub can append to the audit log and read it, but never change or delete an entry", async () => {
    const login = `near_hub_test_${process.pid}`;
    await admin(async (client) => {
      await client.query(`DROP ROLE IF EXISTS ${login}`);
      await client.query(`CREATE ROLE ${login} LOGIN IN ROLE near_hub`);
    });
    const client = new pg.Client({ connectionString: databaseUrl(database.name).replace("postgres@", `${login}@`) });
    await client.connect();
    try {
      // What the hub does at run time works: read the graph, write it, append to the log.
      expect((await client.query(`SELECT count(*)::int AS n FROM government`)).rows[0].n).toBe(82);
      await client.query(`UPDATE government SET version = version WHERE slug = 'jp-akita'`);
      await client.query(
        `INSERT INTO audit_entry (actor_label, actor_role, actor_key_id, operation, target_ids, input, request_id) VALUES ('role test', 'ADMIN', 0, 'test', '{}', '{}', 'test')`,
      );
      expect((await client.query(`SELECT count(*)::int AS n FROM audit_entry WHERE operation = 'test'`)).rows[0].n).toBe(1);
      for (const statement of [`UPDATE audit_entry SET operation = 'changed'`, `DELETE FROM audit_entry`, `TRUNCATE audit_entry`]) {
        // Permission denied (42501), statement by statement.
        expect(
          await client.query(statement).then(
            () => "allowed",
            (error: { code?: string }) => error.code,
          ),
        ).toBe("42501");
      }
      // Every table of the graph is granted to the role, so a new table cannot be forgotten.
      const missing = await client.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT has_table_privilege('near_hub', format('%I.%I', schemaname, tablename), 'SELECT, INSERT')`,
      );
      expect(missing.rows).toEqual([]);
    } finally {
      await client.end();
      await admin((c) => c.query(`DROP OWNED BY ${login}; DROP ROLE ${login}`));
    }
    // Even the owner cannot rewrite history: the trigger refuses it on any database.
    await expect(dataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
  });
});
