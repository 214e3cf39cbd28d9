import type { QueryRunner } from "typeorm";

/**
 * How a table keeps its versions (docs/architecture.md, "Two times"): every row of
 * `public.<table>` as it was between two writes is a row of `history.<table>`, with
 * the recorded time it was current from and until (`infinity` while it is current),
 * written by a trigger in the writing transaction; `known.<table>` shows the versions
 * current at the instant in the setting `near.known_on`, under the table's own name
 * and columns, so a read run with `search_path = known, public` reads the past
 * unchanged. A migration that makes a table of facts calls `keepVersions`; one that
 * changes a versioned table's columns changes `history.<table>` the same way and calls
 * `showKnown` again (test/db/history.test.ts fails when they disagree).
 */

/** The columns of `public.<table>`, in order. */
async function columnsOf(queryRunner: QueryRunner, table: string): Promise<string[]> {
  const rows: { column_name: string }[] = await queryRunner.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  if (rows.length === 0) throw new Error(`versioning: no table public.${table}`);
  return rows.map((row) => row.column_name);
}

/** The runtime role (PostgreSQL, migrations/1795841200000-RuntimeRole.ts) may read a table's versions, never write them. */
async function letHubRead(queryRunner: QueryRunner, relation: string): Promise<void> {
  await queryRunner.query(`DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'near_hub') THEN GRANT SELECT ON ${relation} TO near_hub; END IF;
  END $$`);
}

/** (Re)creates `known.<table>`: the versions current at `near_known_on()`, with the table's columns. */
export async function showKnown(queryRunner: QueryRunner, table: string): Promise<void> {
  const columns = (await columnsOf(queryRunner, table)).map((column) => `"${column}"`).join(", ");
  await queryRunner.query(`DROP VIEW IF EXISTS known."${table}"`);
  await queryRunner.query(
    `CREATE VIEW known."${table}" AS SELECT ${columns} FROM history."${table}"
      WHERE recorded_from <= near_known_on() AND recorded_until > near_known_on()`,
  );
  await letHubRead(queryRunner, `known."${table}"`);
}

/**
 * Starts keeping the versions of `public.<table>` (keyed by `key`): its history table
 * (the rows already there become versions recorded now), the trigger, the refusal of
 * TRUNCATE, and its `known` view.
 */
export async function keepVersions(queryRunner: QueryRunner, table: string, key = "id"): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE history."${table}" AS
       SELECT NULL::timestamptz AS recorded_from, NULL::timestamptz AS recorded_until, NULL::bigint AS recorded_xid, t.*
         FROM public."${table}" t WITH NO DATA`,
  );
  for (const column of ["recorded_from", "recorded_until", "recorded_xid"]) {
    await queryRunner.query(`ALTER TABLE history."${table}" ALTER COLUMN ${column} SET NOT NULL`);
  }
  await queryRunner.query(`CREATE UNIQUE INDEX "UQ_history_${table}_version" ON history."${table}" ("${key}", recorded_from)`);
  // One current version a row, and the trigger's look-up of it.
  await queryRunner.query(
    `CREATE UNIQUE INDEX "UQ_history_${table}_current" ON history."${table}" ("${key}") WHERE recorded_until = 'infinity'`,
  );
  await queryRunner.query(
    `INSERT INTO history."${table}" SELECT near_recorded_at(), 'infinity', txid_current(), t.* FROM public."${table}" t`,
  );
  await letHubRead(queryRunner, `history."${table}"`);
  await queryRunner.query(
    `CREATE TRIGGER "TRG_${table}_versions" AFTER INSERT OR UPDATE OR DELETE ON public."${table}"
       FOR EACH ROW EXECUTE FUNCTION near_keep_version('${key}')`,
  );
  await queryRunner.query(
    `CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON public."${table}"
       FOR EACH STATEMENT EXECUTE FUNCTION near_refuse_truncate()`,
  );
  await showKnown(queryRunner, table);
}

/** Undoes `keepVersions` (a migration's `down`). */
export async function dropVersions(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`DROP VIEW IF EXISTS known."${table}"`);
  await queryRunner.query(`DROP TRIGGER IF EXISTS "TRG_${table}_no_truncate" ON public."${table}"`);
  await queryRunner.query(`DROP TRIGGER IF EXISTS "TRG_${table}_versions" ON public."${table}"`);
  await queryRunner.query(`DROP TABLE IF EXISTS history."${table}"`);
}
