import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The `reporting` schema for BI tools (docs/bi.md): documented views over the graph
 * (public data only: no contacts, no notes about people, no drafts) and tables the
 * hub fills with the charter's own answers (rights, dues, chair, committees) for each
 * day asked, so no SQL re-implements a rule. `near_reporting` may read this schema and
 * nothing else.
 */
export class Reporting1795843000000 implements MigrationInterface {
  name = "Reporting1795843000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA reporting`);
    await queryRunner.query(`CREATE VIEW reporting.governments AS
      SELECT g.slug, g.name_en, g.name_zh, g.name_ko, g.name_ja, g.name_ru, g.name_mn, g.country_code,
             g.population, g.population_year, inside.slug AS population_included_in, g.area_km2, g.capital, g.website,
             g.named_in_report, m.kind AS membership_kind, m.started_on AS membership_started_on, m.founding
        FROM public.government g
        LEFT JOIN public.government inside ON inside.id = g.population_included_in_id
        LEFT JOIN LATERAL (
          SELECT * FROM public.membership m WHERE m.government_id = g.id
             AND (m.started_on IS NULL OR m.started_on <= CURRENT_DATE) AND (m.ended_on IS NULL OR m.ended_on >= CURRENT_DATE)
           ORDER BY m.started_on DESC NULLS LAST LIMIT 1) m ON true`);
    await queryRunner.query(`CREATE VIEW reporting.membership_periods AS
      SELECT g.slug AS government, g.country_code, m.seq, m.kind, m.started_on, m.start_precision, m.ended_on, m.founding, m.admitted_by, m.source
        FROM public.membership m JOIN public.government g ON g.id = m.government_id`);
    await queryRunner.query(`CREATE VIEW reporting.appointments AS
      SELECT s.slug AS person, s.name_zh, s.name_latin, p.slug AS post, p.title_en AS post_title, d.slug AS department,
             g.slug AS dispatched_by, g.country_code AS dispatched_by_country, a.employment, a.dispatched_official,
             a.started_on, a.start_precision, a.ended_on, a.end_precision, a.status, a.source
        FROM public.appointment a JOIN public.staff_member s ON s.id = a.staff_member_id JOIN public.post p ON p.id = a.post_id
        LEFT JOIN public.department d ON d.id = p.department_id LEFT JOIN public.government g ON g.id = a.dispatched_by_government_id`);
    await queryRunner.query(`CREATE VIEW reporting.coordinator_terms AS
      SELECT c.slug AS committee, c.number AS committee_number, c.name_en AS committee_name, g.slug AS government, g.country_code,
             t.started_on, t.start_precision, t.ended_on, t.end_precision, t.source
        FROM public.coordinator_term t JOIN public.committee c ON c.id = t.committee_id JOIN public.government g ON g.id = t.government_id`);
    await queryRunner.query(`CREATE VIEW reporting.events AS
      SELECT e.starts_on, e.ends_on, e.start_precision, e.kind, e.title_en, e.title_zh, e.location, e.participants, c.slug AS committee, e.source
        FROM public.event e LEFT JOIN public.committee c ON c.id = e.committee_id WHERE NOT e.draft`);
    await queryRunner.query(`CREATE TABLE reporting.days (day date PRIMARY KEY, refreshed_at timestamptz)`);
    await queryRunner.query(`CREATE TABLE reporting.rights (
      day date NOT NULL, government text NOT NULL, membership_kind text, voting_eligible boolean NOT NULL, election_eligible boolean NOT NULL,
      dues_restricted boolean, restricted_since date, reasons jsonb NOT NULL, PRIMARY KEY (day, government))`);
    await queryRunner.query(`CREATE TABLE reporting.dues_years (
      day date NOT NULL, government text NOT NULL, fiscal_year smallint NOT NULL, status text NOT NULL, assessed_usd_cents integer NOT NULL,
      waived_usd_cents integer NOT NULL, paid_usd_cents integer NOT NULL, outstanding_usd_cents integer, overdue boolean NOT NULL,
      PRIMARY KEY (day, government, fiscal_year))`);
    await queryRunner.query(`CREATE TABLE reporting.chair (day date PRIMARY KEY, government text, until date, reasons jsonb NOT NULL)`);
    await queryRunner.query(`CREATE TABLE reporting.committees (
      day date NOT NULL, committee text NOT NULL, status text NOT NULL, coordinators text[] NOT NULL, last_activity date,
      active_in_current_term boolean, PRIMARY KEY (day, committee))`);
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'near_reporting') THEN CREATE ROLE near_reporting NOLOGIN; END IF;
    END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA reporting TO near_reporting`);
    await queryRunner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO near_reporting`);
    // The hub fills the answer tables; the runtime role needs them too.
    await queryRunner.query(`GRANT USAGE ON SCHEMA reporting TO near_hub`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA reporting TO near_hub`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA reporting FROM near_hub, near_reporting`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA reporting FROM near_hub, near_reporting`);
    await queryRunner.query(`DROP SCHEMA reporting CASCADE`);
  }
}
