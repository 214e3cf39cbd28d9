import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { DataSource } from "typeorm";
import { refreshReporting } from "../../src/modules/reporting";
import { admin, databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";

const VIEWS = ["governments", "membership_periods", "appointments", "coordinator_terms", "events", "ambassadors", "stated_figures"];
const ANSWERS = ["rights", "dues_years", "chair", "committees"];
const DAY = "2020-12-31";
const REQUEST = { today: DAY, yearsAhead: 1, build: null as string | null };

/**
 * The `reporting` schema as a BI tool sees it, through the read-only role
 * `near_reporting`: every view and answer table readable, nothing writable, nothing
 * outside the schema visible.
 */
describe("SQL for BI tools on PostgreSQL: the reporting schema and near_reporting", () => {
  let database: ServiceDatabase;
  let dataSource: DataSource;
  let client: pg.Client;
  const login = `near_reporting_test_${process.pid}`;

  beforeAll(async () => {
    database = await freshDatabase();
    dataSource = (await database.open()).dataSource;
    await refreshReporting(dataSource.manager, REQUEST);
    await admin(async (c) => {
      await c.query(`DROP ROLE IF EXISTS ${login}`);
      await c.query(`CREATE ROLE ${login} LOGIN IN ROLE near_reporting`);
    });
    client = new pg.Client({ connectionString: databaseUrl(database.name).replace("postgres@", `${login}@`) });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
    await admin((c) => c.query(`DROP ROLE IF EXISTS ${login}`));
  });

  it("reads every view and answer table, with the seeded numbers", async () => {
    const counts: Record<string, number> = {};
    for (const name of VIEWS) counts[name] = (await client.query(`SELECT count(*)::int AS n FROM reporting.${name}`)).rows[0].n;
    for (const name of ANSWERS)
      counts[name] = (await client.query(`SELECT count(*)::int AS n FROM reporting.${name}_on($1)`, [DAY])).rows[0].n;
    // 82 governments and periods, 25 appointments, 19 coordinator terms, 53 events, 28 ambassador appointments
    // (ambassadors.csv), the report's 12 stated figures; the answers for one day.
    expect(counts).toMatchObject({
      governments: 82,
      membership_periods: 82,
      appointments: 25,
      coordinator_terms: 19,
      events: 53,
      ambassadors: 28,
      stated_figures: 12,
      rights: 82,
      chair: 1,
      committees: 23,
    });
    const members = await client.query(
      `SELECT country_code, count(*)::int AS n FROM reporting.governments WHERE membership_kind = 'MEMBER' GROUP BY 1 ORDER BY 1`,
    );
    expect(members.rows).toEqual([
      { country_code: "CN", n: 11 },
      { country_code: "JP", n: 11 },
      { country_code: "KP", n: 2 },
      { country_code: "KR", n: 16 },
      { country_code: "MN", n: 22 },
      { country_code: "RU", n: 16 },
    ]);
    // The charter's answers, as the graph gives them: Sakha chairs on 2020-12-31; no member is restricted (no ledger).
    expect((await client.query(`SELECT government FROM reporting.chair_on('2020-12-31')`)).rows).toEqual([{ government: "ru-sakha" }]);
    expect((await client.query(`SELECT count(*)::int AS n FROM reporting.rights_on('2020-12-31') WHERE voting_eligible`)).rows[0].n).toBe(
      78,
    );
  });

  it("coalesces refreshes: requests made while one waits join it, and one made while one runs waits for it", async () => {
    const burst = Array.from({ length: 5 }, () => refreshReporting(dataSource.manager, REQUEST));
    expect(new Set(burst).size).toBe(1);
    // Once the first has started (a turn of the event loop), the next requests share one refresh after it.
    await new Promise((resolve) => setImmediate(resolve));
    const after = [refreshReporting(dataSource.manager, REQUEST), refreshReporting(dataSource.manager, REQUEST)];
    expect(after[0]).toBe(after[1]);
    expect(after[0]).not.toBe(burst[0]);
    const answered = await Promise.all([...burst, ...after]);
    expect(new Set(answered.map((a) => `${a.first} to ${a.last}`))).toEqual(new Set(["1996-09-12 to 2021-12-31"]));
  });

  it("keeps answers computed by the same build for the same calendar from the same facts, and recomputes when one differs", async () => {
    const refresh = async (request: Partial<typeof REQUEST> = {}) =>
      (await refreshReporting(dataSource.manager, { ...REQUEST, build: "build-1", ...request })).recomputed;
    expect(await refresh()).toBe(true);
    expect(await refresh()).toBe(false);
    expect(await refresh({ build: "build-2" })).toBe(true);
    expect(await refresh({ build: "build-2", yearsAhead: 2 })).toBe(true);
    expect(await refresh({ build: "build-2", yearsAhead: 2 })).toBe(false);
    // A write through the versions, as a mutation records it: the tables follow, an answer of the day with them.
    await dataSource.transaction(async (tx) => {
      await tx.query(`SELECT near_start_recording()`);
      await tx.query(`UPDATE public.meeting SET ends_on = '2021-06-30' WHERE ends_on = (SELECT max(ends_on) FROM public.meeting)`);
    });
    expect(await refresh({ build: "build-2", yearsAhead: 2 })).toBe(true);
    expect(await refresh({ build: null, yearsAhead: 2 })).toBe(true);
    expect(await refresh({ build: null, yearsAhead: 2 })).toBe(true);
  });

  it("can neither write nor read outside reporting", async () => {
    for (const statement of [
      `INSERT INTO reporting.answered VALUES ('2021-01-01', '2021-01-01', now())`,
      `DELETE FROM reporting.rights`,
      `UPDATE reporting.chair SET government = 'x'`,
      `SELECT count(*) FROM public.government`,
      `SELECT count(*) FROM public.api_key`,
      `SELECT count(*) FROM public.audit_entry`,
      `CREATE TABLE reporting.mine (x int)`,
    ]) {
      const code = await client.query(statement).then(
        () => "allowed",
        (error: { code?: string }) => error.code,
      );
      expect([statement, code]).toEqual([statement, "42501"]);
    }
  });

  it("shows no private data: no contact, no notes about people, no drafts", async () => {
    const columns = await client.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'reporting' AND column_name IN ('contact', 'notes')`,
    );
    expect(columns.rows).toEqual([]);
    await dataSource.query(
      `INSERT INTO event (title_en, kind, starts_on, start_precision, draft, source) VALUES ('Draft for the reporting test', 'SEMINAR', '2020-12-01', 'DAY', true, 'test')`,
    );
    expect(
      (await client.query(`SELECT count(*)::int AS n FROM reporting.events WHERE title_en = 'Draft for the reporting test'`)).rows[0].n,
    ).toBe(0);
  });
});
