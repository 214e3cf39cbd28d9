import { describe, expect, it } from "vitest";
import type { EntityManager } from "typeorm";
import { seedsRecordedAt } from "../../src/seed/seed";
import { useTestHub } from "../support/hub";

/**
 * Tables that hold no facts: the API keys (credentials, not records), the audit log
 * (append-only itself), and the live changes' outbox, webhooks and deliveries (the audit
 * log records the writes behind them).
 */
const UNVERSIONED = ["api_key", "audit_entry", "live_event", "typeorm_migration", "webhook", "webhook_delivery"];

interface ColumnRow {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
}

async function columns(em: EntityManager, schema: string): Promise<Map<string, string[]>> {
  const rows: ColumnRow[] = await em.query(
    `SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [schema],
  );
  const byTable = new Map<string, string[]>();
  for (const row of rows) byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), `${row.column_name} ${row.data_type}`]);
  return byTable;
}

async function versionsOf(em: EntityManager, table: string, id: number | string): Promise<{ from: string; until: string; row: string }[]> {
  const key = table === "country" ? "code" : "id";
  return em.query(
    `SELECT recorded_from::text AS from, recorded_until::text AS until, to_jsonb(h) - 'recorded_from' - 'recorded_until' - 'recorded_xid' AS row
       FROM history."${table}" h WHERE "${key}" = $1 ORDER BY recorded_from`,
    [id],
  );
}

describe("versions of facts (history and known)", () => {
  const hub = useTestHub();

  it("every table of facts has a history with its columns in its order, a trigger, and a view of the known versions", async () => {
    await hub.withEntityManager(async (em) => {
      const [publicColumns, historyColumns, knownColumns] = await Promise.all([
        columns(em, "public"),
        columns(em, "history"),
        columns(em, "known"),
      ]);
      const facts = [...publicColumns.keys()].filter((table) => !UNVERSIONED.includes(table));
      expect(facts.length).toBeGreaterThan(20);
      for (const table of facts) {
        expect({ table, columns: historyColumns.get(table) }).toEqual({
          table,
          columns: [
            "recorded_from timestamp with time zone",
            "recorded_until timestamp with time zone",
            "recorded_xid bigint",
            ...publicColumns.get(table)!,
          ],
        });
        expect({ table, columns: knownColumns.get(table) }).toEqual({ table, columns: publicColumns.get(table) });
      }
      expect(knownColumns.get("audit_entry")).toEqual(publicColumns.get("audit_entry"));
      expect([...historyColumns.keys()].sort()).toEqual([...facts].sort());
      const triggers: { table: string }[] = await em.query(
        `SELECT DISTINCT event_object_table AS table FROM information_schema.triggers WHERE action_statement LIKE '%near_keep_version%'`,
      );
      expect(triggers.map((t) => t.table).sort()).toEqual([...facts].sort());
    });
  });

  it("records the shipped facts at the end of their horizon", async () => {
    await hub.withEntityManager(async (em) => {
      const [row] = await em.query(
        `SELECT min(recorded_from) = $1::timestamptz AS seeded, count(*) FILTER (WHERE recorded_from <> $1::timestamptz)::int AS others
           FROM history.government`,
        [seedsRecordedAt()],
      );
      expect(row).toEqual({ seeded: true, others: 0 });
    });
  });

  it("keeps the earlier version when a row changes, the last one when a write changes it twice, and a deleted row's versions", async () => {
    await hub.withEntityManager(async (em) => {
      const [{ id }] = await em.query(`SELECT id FROM government WHERE slug = 'jp-tottori'`);
      const [before] = await versionsOf(em, "government", id);
      const [{ at }] = await em.query(`SELECT near_start_recording()::text AS at`);
      await em.query(`UPDATE government SET capital = 'Tottori City' WHERE id = $1`, [id]);
      await em.query(`UPDATE government SET capital = 'Tottori' WHERE id = $1`, [id]);
      await em.query(`UPDATE government SET capital = 'Tottori' WHERE id = $1`, [id]);
      const versions = await versionsOf(em, "government", id);
      expect(versions.map((v) => [v.from, v.until])).toEqual([
        [before.from, at],
        [at, "infinity"],
      ]);
      expect(versions[0].row).toEqual(before.row);
      expect(versions[1].row).toMatchObject({ capital: "Tottori" });

      const [{ id: payment }] = await em.query(
        `INSERT INTO dues_payment (government_id, fiscal_year, amount_minor, currency, credited_usd_cents, paid_on, reference)
         VALUES ($1, 2020, 1180000, 'KRW', 100000, '2020-03-02', 'H-1') RETURNING id`,
        [id],
      );
      await em.query(`SAVEPOINT later`);
      const [{ later }] = await em.query(`SELECT near_start_recording()::text AS later`);
      await em.query(`DELETE FROM dues_payment WHERE id = $1`, [payment]);
      expect((await versionsOf(em, "dues_payment", payment)).map((v) => [v.from, v.until])).toEqual([[at, later]]);
      await em.query(`RELEASE SAVEPOINT later`);
    });
  });

  it("shows, under the tables' own names, the versions current at near.known_on", async () => {
    await hub.withEntityManager(async (em) => {
      const [{ id, capital: seeded }] = await em.query(`SELECT id, capital FROM government WHERE slug = 'jp-tottori'`);
      await em.query(`SELECT near_start_recording()`);
      await em.query(`UPDATE government SET capital = 'Tottori City' WHERE id = $1`, [id]);
      await em.query(`SAVEPOINT known`);
      await em.query(`SELECT set_config('search_path', 'known, public', true), set_config('near.known_on', $1, true)`, [seedsRecordedAt()]);
      const [then] = await em.query(`SELECT capital FROM government WHERE id = $1`, [id]);
      await em.query(`ROLLBACK TO SAVEPOINT known`);
      const [now] = await em.query(`SELECT capital FROM government WHERE id = $1`, [id]);
      expect([then.capital, now.capital]).toEqual([seeded, "Tottori City"]);
    });
  });

  it("refuses to truncate a table of facts, and refuses versions out of order", async () => {
    await hub.withEntityManager(async (em) => {
      await em.query(`SAVEPOINT probe`);
      const truncate = await em.query(`TRUNCATE vote`).catch((error: Error) => error);
      expect(String(truncate)).toContain("facts keep their versions: TRUNCATE of vote refused");
      await em.query(`ROLLBACK TO SAVEPOINT probe`);
      await em.query(`SELECT set_config('near.recorded_at', '2020-01-01T00:00:00Z', true)`);
      const outOfOrder = await em.query(`UPDATE country SET source = 'x' WHERE code = 'KR'`).catch((error: Error) => error);
      expect(String(outOfOrder)).toMatch(/versions of country\.code would go out of order/);
      await em.query(`ROLLBACK TO SAVEPOINT probe`);
    });
  });
});
