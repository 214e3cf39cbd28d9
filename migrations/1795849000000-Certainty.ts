import type { MigrationInterface, QueryRunner } from "typeorm";
import { showKnown } from "./versioning";

/**
 * Three certainties (docs/charter.md): a period holds on a day, does not, or it is
 * unknown. A start the sources do not give lies between the earliest possible day
 * and `attested_on`, the first day a source attests it (memberships, committees,
 * coordinator terms); an end known only to the month or year keeps its precision
 * (`membership.end_precision`: every recorded end so far is to the day). The history
 * tables and their `known` views take the same columns. The reporting tables'
 * verdicts may be unknown (null).
 */
export class Certainty1795849000000 implements MigrationInterface {
  name = "Certainty1795849000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "membership" ADD "attested_on" date`);
    await queryRunner.query(`ALTER TABLE "membership" ADD "end_precision" text`);
    await queryRunner.query(`ALTER TABLE "committee" ADD "attested_on" date`);
    await queryRunner.query(`ALTER TABLE "coordinator_term" ADD "attested_on" date`);
    for (const [table, columns] of [
      ["membership", `ADD "attested_on" date, ADD "end_precision" text`],
      ["committee", `ADD "attested_on" date`],
      ["coordinator_term", `ADD "attested_on" date`],
    ] as const) {
      await queryRunner.query(`ALTER TABLE history."${table}" ${columns}`);
      await showKnown(queryRunner, table);
    }
    await queryRunner.query(`SELECT near_start_recording()`);
    await queryRunner.query(`UPDATE "membership" SET end_precision = 'DAY' WHERE ended_on IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "CHK_membership_attested" CHECK (attested_on IS NULL OR started_on IS NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "CHK_membership_end_precision" CHECK (end_precision IN ('DAY', 'MONTH', 'SEASON', 'YEAR'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "CHK_membership_end_complete" CHECK ((ended_on IS NULL) = (end_precision IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee" ADD CONSTRAINT "CHK_committee_attested" CHECK (attested_on IS NULL OR established_on IS NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "coordinator_term" ADD CONSTRAINT "CHK_coordinator_term_attested" CHECK (attested_on IS NULL OR started_on IS NULL)`,
    );
    await queryRunner.query(`CREATE OR REPLACE VIEW reporting.membership_periods AS
      SELECT g.slug AS government, g.country_code, m.seq, m.kind, m.started_on, m.start_precision, m.ended_on, m.founding, m.admitted_by, m.source,
             m.attested_on, m.end_precision
        FROM public.membership m JOIN public.government g ON g.id = m.government_id`);
    await queryRunner.query(
      `ALTER TABLE reporting.rights ALTER COLUMN voting_eligible DROP NOT NULL, ALTER COLUMN election_eligible DROP NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM reporting.rights WHERE voting_eligible IS NULL OR election_eligible IS NULL`);
    await queryRunner.query(
      `ALTER TABLE reporting.rights ALTER COLUMN voting_eligible SET NOT NULL, ALTER COLUMN election_eligible SET NOT NULL`,
    );
    await queryRunner.query(`DROP VIEW reporting.membership_periods`);
    await queryRunner.query(`CREATE VIEW reporting.membership_periods AS
      SELECT g.slug AS government, g.country_code, m.seq, m.kind, m.started_on, m.start_precision, m.ended_on, m.founding, m.admitted_by, m.source
        FROM public.membership m JOIN public.government g ON g.id = m.government_id`);
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'near_reporting') THEN GRANT SELECT ON reporting.membership_periods TO near_reporting; END IF;
    END $$`);
    await queryRunner.query(`ALTER TABLE "coordinator_term" DROP CONSTRAINT "CHK_coordinator_term_attested"`);
    await queryRunner.query(`ALTER TABLE "committee" DROP CONSTRAINT "CHK_committee_attested"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "CHK_membership_end_complete"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "CHK_membership_end_precision"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "CHK_membership_attested"`);
    await queryRunner.query(`ALTER TABLE "coordinator_term" DROP COLUMN "attested_on"`);
    await queryRunner.query(`ALTER TABLE "committee" DROP COLUMN "attested_on"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "end_precision"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "attested_on"`);
    for (const [table, columns] of [
      ["membership", `DROP COLUMN "end_precision", DROP COLUMN "attested_on"`],
      ["committee", `DROP COLUMN "attested_on"`],
      ["coordinator_term", `DROP COLUMN "attested_on"`],
    ] as const) {
      await queryRunner.query(`DROP VIEW known."${table}"`);
      await queryRunner.query(`ALTER TABLE history."${table}" ${columns}`);
      await showKnown(queryRunner, table);
    }
  }
}
