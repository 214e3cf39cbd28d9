import type { MigrationInterface, QueryRunner } from "typeorm";

/** The columns each answer table keeps besides its span, as the `_on(day)` functions return them after `day`. */
const ANSWERS = {
  rights: `government text, membership_kind text, voting_eligible boolean, election_eligible boolean, dues_restricted boolean,
    restricted_since date, reasons jsonb`,
  dues_years: `government text, fiscal_year smallint, status text, assessed_usd_cents integer, waived_usd_cents integer,
    paid_usd_cents integer, outstanding_usd_cents integer, overdue boolean`,
  chair: `government text, until date, reasons jsonb`,
  committees: `committee text, kind text, number smallint, name_en text, status text, coordinators text[], coordinators_unknown text[],
    last_activity date, active_in_current_term boolean`,
} as const;

const KEYS = { rights: "government", dues_years: "government, fiscal_year", chair: null, committees: "committee" } as const;

const names = (columns: string) => columns.split(",").map((column) => column.trim().split(/\s+/)[0]);

/**
 * The reporting tables answer every day, not only the days an owner added: each
 * answer is kept with the span of days it holds (`valid_from` ≤ day < `valid_until`),
 * which the hub computes from the charter's change days, and `reporting.<table>_on(day)`
 * gives a day's rows as the day-keyed tables did. Reasons name the day asked as {day}
 * in a span; the functions write the day in. A day outside `reporting.answered` is an
 * error that says which days are answered.
 */
export class ReportingAnyDay1795853000000 implements MigrationInterface {
  name = "ReportingAnyDay1795853000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reporting.days, reporting.rights, reporting.dues_years, reporting.chair, reporting.committees`);
    // What the answers were computed from: a refresh with the same calendar, facts and build has nothing to change.
    await queryRunner.query(`CREATE TABLE reporting.answered (first_day date NOT NULL, last_day date NOT NULL, refreshed_at timestamptz NOT NULL,
      facts_recorded_at timestamptz, build text)`);
    // The last instant any fact changed: the latest version opened or closed in schema history.
    await queryRunner.query(`CREATE FUNCTION near_last_recorded() RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
      DECLARE versions record; latest timestamptz; candidate timestamptz;
      BEGIN
        FOR versions IN SELECT tablename FROM pg_tables WHERE schemaname = 'history' LOOP
          EXECUTE format('SELECT max(CASE WHEN recorded_until = ''infinity'' THEN recorded_from ELSE recorded_until END) FROM history.%I',
            versions.tablename) INTO candidate;
          latest := greatest(latest, candidate);
        END LOOP;
        RETURN latest;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION reporting.answered_day(asked date) RETURNS date LANGUAGE plpgsql STABLE AS $$
      DECLARE answered reporting.answered;
      BEGIN
        SELECT * INTO answered FROM reporting.answered;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'the reporting tables are not filled yet' USING HINT = 'start the hub, or run: npm run reporting -- refresh';
        END IF;
        IF asked IS NULL OR asked < answered.first_day OR asked > answered.last_day THEN
          RAISE EXCEPTION 'the reporting tables answer the days from % to %, not %', answered.first_day, answered.last_day, coalesce(asked::text, 'null')
            USING ERRCODE = '22008', HINT = 'the last day moves with CALENDAR_YEARS_AHEAD and the facts horizon';
        END IF;
        RETURN asked;
      END $$`);
    for (const [table, columns] of Object.entries(ANSWERS)) {
      const key = KEYS[table as keyof typeof KEYS];
      await queryRunner.query(`CREATE TABLE reporting.${table} (valid_from date NOT NULL, valid_until date NOT NULL, ${columns},
        PRIMARY KEY (${key === null ? "" : `${key}, `}valid_from), CHECK (valid_from < valid_until))`);
      const selected = names(columns).map((column) =>
        column === "reasons" ? `replace(t.reasons::text, '{day}', d.day::text)::jsonb` : `t.${column}`,
      );
      await queryRunner.query(`CREATE FUNCTION reporting.${table}_on(asked date) RETURNS TABLE (day date, ${columns})
        LANGUAGE sql STABLE AS $$
          SELECT d.day, ${selected.join(", ")}
            FROM (SELECT reporting.answered_day(asked) AS day) d
            JOIN reporting.${table} t ON t.valid_from <= d.day AND d.day < t.valid_until
           ORDER BY ${
             key === null
               ? "1"
               : key
                   .split(", ")
                   .map((k) => `t.${k}`)
                   .join(", ")
           }
        $$`);
    }
    await queryRunner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO near_reporting`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA reporting TO near_hub`);
    await queryRunner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA reporting TO near_reporting, near_hub`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(ANSWERS)) await queryRunner.query(`DROP FUNCTION reporting.${table}_on(date)`);
    await queryRunner.query(`DROP FUNCTION reporting.answered_day(date)`);
    await queryRunner.query(`DROP FUNCTION near_last_recorded()`);
    await queryRunner.query(`DROP TABLE reporting.answered, reporting.rights, reporting.dues_years, reporting.chair, reporting.committees`);
    // The day-keyed tables come back empty: the hub refills them at start.
    await queryRunner.query(`CREATE TABLE reporting.days (day date PRIMARY KEY, refreshed_at timestamptz)`);
    await queryRunner.query(`CREATE TABLE reporting.rights (
      day date NOT NULL, government text NOT NULL, membership_kind text, voting_eligible boolean, election_eligible boolean,
      dues_restricted boolean, restricted_since date, reasons jsonb NOT NULL, PRIMARY KEY (day, government))`);
    await queryRunner.query(`CREATE TABLE reporting.dues_years (
      day date NOT NULL, government text NOT NULL, fiscal_year smallint NOT NULL, status text NOT NULL, assessed_usd_cents integer NOT NULL,
      waived_usd_cents integer NOT NULL, paid_usd_cents integer NOT NULL, outstanding_usd_cents integer, overdue boolean NOT NULL,
      PRIMARY KEY (day, government, fiscal_year))`);
    await queryRunner.query(`CREATE TABLE reporting.chair (day date PRIMARY KEY, government text, until date, reasons jsonb NOT NULL)`);
    await queryRunner.query(`CREATE TABLE reporting.committees (
      day date NOT NULL, committee text NOT NULL, status text NOT NULL, coordinators text[] NOT NULL, last_activity date,
      active_in_current_term boolean, kind text, number smallint, name_en text, coordinators_unknown text[], PRIMARY KEY (day, committee))`);
    await queryRunner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO near_reporting`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA reporting TO near_hub`);
  }
}
