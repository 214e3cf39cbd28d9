import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropVersions, keepVersions } from "./versioning";

/** Every table of facts (all but the API keys and the audit log, which is itself append-only), with its key. */
const VERSIONED_TABLES: readonly (readonly [table: string, key: string])[] = [
  ["association", "id"],
  ["country", "code"],
  ["government", "id"],
  ["membership", "id"],
  ["committee", "id"],
  ["coordinator_term", "id"],
  ["committee_participation", "id"],
  ["department", "id"],
  ["post", "id"],
  ["staff_member", "id"],
  ["appointment", "id"],
  ["ambassador_appointment", "id"],
  ["partner_organisation", "id"],
  ["event", "id"],
  ["event_figure", "id"],
  ["dues_payment", "id"],
  ["dues_waiver", "id"],
  ["meeting", "id"],
  ["meeting_attendance", "id"],
  ["agenda_item", "id"],
  ["vote", "id"],
  ["chair_extension", "id"],
  ["cost_reduction", "id"],
  ["alternative_name", "id"],
  ["stated_figure", "id"],
];

/**
 * Two times, kept apart (docs/architecture.md, "Two times"). Valid time is in the
 * facts' own dates; recorded time is when the hub learnt a version: every write's
 * transaction fixes one instant (`near_start_recording`, called by every mutation and
 * by the seeds), and a trigger on each table of facts closes the row's current version
 * in `history` at that instant and opens the new one. A correction adds a version and
 * never erases one. `known` shows the versions current at the instant in
 * `near.known_on`, under the tables' own names: the reads of `asKnownOn` run with
 * `search_path = known, public`. The audit log's entries carry the same instant, so
 * the log and the versions agree by construction (test/writes/history.test.ts).
 *
 * The versions are written by the trigger as the migration owner (SECURITY DEFINER):
 * the runtime role `near_hub` may read `history` and `known`, never write them.
 */
export class History1795846000000 implements MigrationInterface {
  name = "History1795846000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA history`);
    await queryRunner.query(`CREATE SCHEMA known`);
    // The write's recorded instant: fixed by the first call in a transaction, to the millisecond (what a client's DateTime holds).
    await queryRunner.query(`CREATE FUNCTION near_recorded_at() RETURNS timestamptz LANGUAGE plpgsql AS $$
      DECLARE fixed text := current_setting('near.recorded_at', true);
      BEGIN
        IF fixed IS NULL OR fixed = '' THEN
          fixed := date_trunc('milliseconds', clock_timestamp())::text;
          PERFORM set_config('near.recorded_at', fixed, true);
        END IF;
        RETURN fixed::timestamptz;
      END
    $$`);
    // A write's instant is later than every audited write's, so versions and entries keep one order even within a millisecond.
    await queryRunner.query(`CREATE FUNCTION near_start_recording() RETURNS timestamptz LANGUAGE plpgsql AS $$
      DECLARE at timestamptz := greatest(
        date_trunc('milliseconds', clock_timestamp()),
        (SELECT max(a.at) + interval '1 millisecond' FROM public.audit_entry a));
      BEGIN
        PERFORM set_config('near.recorded_at', at::text, true);
        RETURN at;
      END
    $$`);
    await queryRunner.query(`CREATE FUNCTION near_known_on() RETURNS timestamptz LANGUAGE sql STABLE AS $$
      SELECT current_setting('near.known_on')::timestamptz
    $$`);
    await queryRunner.query(`CREATE FUNCTION near_keep_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = pg_catalog, public AS $$
      DECLARE
        at timestamptz := near_recorded_at();
        key text := TG_ARGV[0];
        current_from timestamptz;
        current_xid bigint;
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW IS NOT DISTINCT FROM OLD THEN RETURN NULL; END IF;
        IF TG_OP <> 'INSERT' THEN
          EXECUTE format('SELECT recorded_from, recorded_xid FROM history.%I WHERE %I = ($1).%I AND recorded_until = ''infinity''',
                         TG_TABLE_NAME, key, key)
             INTO current_from, current_xid USING OLD;
          IF current_from = at AND current_xid = txid_current() THEN
            -- Written twice by one write: its version is the last state.
            EXECUTE format('DELETE FROM history.%I WHERE %I = ($1).%I AND recorded_until = ''infinity''', TG_TABLE_NAME, key, key)
              USING OLD;
          ELSIF current_from >= at THEN
            RAISE EXCEPTION 'the versions of %.% would go out of order: its current version was recorded at %, this write at %',
              TG_TABLE_NAME, key, current_from, at USING ERRCODE = 'serialization_failure';
          ELSIF current_from IS NOT NULL THEN
            EXECUTE format('UPDATE history.%I SET recorded_until = $2 WHERE %I = ($1).%I AND recorded_until = ''infinity''',
                           TG_TABLE_NAME, key, key)
              USING OLD, at;
          END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          EXECUTE format('INSERT INTO history.%I SELECT $1, ''infinity'', txid_current(), ($2).*', TG_TABLE_NAME) USING at, NEW;
        END IF;
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(`CREATE FUNCTION near_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'facts keep their versions: TRUNCATE of % refused (delete rows instead)', TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    for (const [table, key] of VERSIONED_TABLES) await keepVersions(queryRunner, table, key);
    // The audit log as it stood: entries made by then.
    await queryRunner.query(`CREATE VIEW known.audit_entry AS SELECT * FROM public.audit_entry WHERE at <= near_known_on()`);
    // Every entry is recorded at its write's instant, the instant its versions carry.
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "at" SET DEFAULT near_recorded_at()`);
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'near_hub') THEN
        GRANT USAGE ON SCHEMA history, known TO near_hub;
        GRANT SELECT ON known.audit_entry TO near_hub;
      END IF;
    END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "at" SET DEFAULT now()`);
    await queryRunner.query(`DROP VIEW known.audit_entry`);
    for (const [table] of [...VERSIONED_TABLES].reverse()) await dropVersions(queryRunner, table);
    await queryRunner.query(`DROP FUNCTION near_refuse_truncate()`);
    await queryRunner.query(`DROP FUNCTION near_keep_version()`);
    await queryRunner.query(`DROP FUNCTION near_known_on()`);
    await queryRunner.query(`DROP FUNCTION near_start_recording()`);
    await queryRunner.query(`DROP FUNCTION near_recorded_at()`);
    await queryRunner.query(`DROP SCHEMA known`);
    await queryRunner.query(`DROP SCHEMA history`);
  }
}
