import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropVersions, keepVersions } from "./versioning";

/**
 * The ledger tells what it knows (docs/writes.md): each member's fiscal year is PAID or
 * UNPAID as the secretariat records it, and a year with no entry and no booked payment
 * is unknown and restricts no one. It replaces the ledger's coverage
 * (`association.dues_ledger_from`: every assessed year from it on, unless paid, was
 * unpaid): a database that had opened one keeps what it said, as UNPAID entries for
 * the years it held unpaid (those assessed by Dues Reg. Art. 5: a MEMBER on 30 April,
 * not admitted that year, not paid or waived in full), and the coverage is left null.
 */
export class DuesLedger1795848000000 implements MigrationInterface {
  name = "DuesLedger1795848000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dues_ledger_entry" ("id" SERIAL NOT NULL, "government_id" integer NOT NULL, "fiscal_year" smallint NOT NULL, "status" text NOT NULL, "source" text NOT NULL, CONSTRAINT "CHK_dues_ledger_entry_source" CHECK (length(trim(source)) > 0), CONSTRAINT "CHK_dues_ledger_entry_fiscal_year" CHECK (fiscal_year BETWEEN 2017 AND 9999), CONSTRAINT "CHK_dues_ledger_entry_status" CHECK (status IN ('PAID', 'UNPAID')), CONSTRAINT "PK_4162983b30e6640e474add99451" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_dues_ledger_entry_government_year" ON "dues_ledger_entry" ("government_id", "fiscal_year")`,
    );
    await queryRunner.query(
      `ALTER TABLE "dues_ledger_entry" ADD CONSTRAINT "FK_dues_ledger_entry_government" FOREIGN KEY ("government_id") REFERENCES "government"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await keepVersions(queryRunner, "dues_ledger_entry");
    await queryRunner.query(`SELECT near_start_recording()`);
    await queryRunner.query(`INSERT INTO dues_ledger_entry (government_id, fiscal_year, status, source)
      SELECT g.id, y.year, 'UNPAID', 'the dues ledger opened from fiscal year ' || a.dues_ledger_from || ', before it recorded years one by one'
        FROM association a CROSS JOIN government g
        CROSS JOIN LATERAL generate_series(a.dues_ledger_from::int, extract(year FROM now())::int) AS y(year)
       WHERE a.dues_ledger_from IS NOT NULL AND make_date(y.year, 4, 30) < current_date
         AND EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id AND m.kind = 'MEMBER'
                       AND (m.started_on IS NULL OR m.started_on <= make_date(y.year, 4, 30))
                       AND (m.ended_on IS NULL OR m.ended_on >= make_date(y.year, 4, 30)))
         AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id AND m.kind = 'MEMBER'
                           AND extract(year FROM m.started_on) = y.year)
         AND coalesce((SELECT sum(p.credited_usd_cents) FROM dues_payment p WHERE p.government_id = g.id AND p.fiscal_year = y.year), 0)
           + coalesce((SELECT sum(w.waived_usd_cents) FROM dues_waiver w WHERE w.government_id = g.id AND w.fiscal_year = y.year), 0)
           < 100000`);
    await queryRunner.query(`UPDATE association SET dues_ledger_from = NULL WHERE dues_ledger_from IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropVersions(queryRunner, "dues_ledger_entry");
    await queryRunner.query(`ALTER TABLE "dues_ledger_entry" DROP CONSTRAINT "FK_dues_ledger_entry_government"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_dues_ledger_entry_government_year"`);
    await queryRunner.query(`DROP TABLE "dues_ledger_entry"`);
  }
}
