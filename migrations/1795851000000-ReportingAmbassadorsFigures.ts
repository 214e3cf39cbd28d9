import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Three ways in, the same numbers (docs/bi.md): what GraphQL and the CSV exports
 * answer, SQL answers too. Honorary PR ambassadors' appointments and the report's
 * stated figures become views `near_reporting` reads (public columns: no notes); the
 * committees' answer table says which committee each row is (kind, number, English
 * name), so a BI tool counts specialised committees without another table, and keeps
 * apart the coordinators whose coordination that day the sources leave unknown (an
 * undated start): `coordinators` are those known to coordinate, as `stats` counts them.
 */
export class ReportingAmbassadorsFigures1795851000000 implements MigrationInterface {
  name = "ReportingAmbassadorsFigures1795851000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE VIEW reporting.ambassadors AS
      SELECT a.natural_key AS appointment, a.kind, a.round, a.country_code, g.slug AS government, a.people,
             a.term_start, a.term_end, a.source
        FROM public.ambassador_appointment a LEFT JOIN public.government g ON g.id = a.government_id`);
    await queryRunner.query(`CREATE VIEW reporting.stated_figures AS
      SELECT f.key, f.label, f.value, f.unit, f.as_of, f.source, f.quote FROM public.stated_figure f`);
    await queryRunner.query(
      `ALTER TABLE reporting.committees ADD kind text, ADD number smallint, ADD name_en text, ADD coordinators_unknown text[]`,
    );
    await queryRunner.query(`GRANT SELECT ON reporting.ambassadors, reporting.stated_figures TO near_reporting, near_hub`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reporting.committees DROP kind, DROP number, DROP name_en, DROP coordinators_unknown`);
    await queryRunner.query(`DROP VIEW reporting.stated_figures`);
    await queryRunner.query(`DROP VIEW reporting.ambassadors`);
  }
}
