import type { MigrationInterface, QueryRunner } from "typeorm";
import { showKnown } from "./versioning";

/**
 * Every URL the graph serves is absolute. The report prints partners' websites as
 * bare host names (`www.aer.eu`): the website becomes `http://` and the host (the
 * scheme governments' websites take, for the same reason: the sources do not say
 * whether a host serves TLS), and the printed form is kept beside it, as governments'
 * `website_as_printed` is. The history table and its `known` view take the column.
 */
export class PartnerWebsites1795850000000 implements MigrationInterface {
  name = "PartnerWebsites1795850000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partner_organisation" ADD "website_as_printed" text`);
    await queryRunner.query(`ALTER TABLE history."partner_organisation" ADD "website_as_printed" text`);
    await showKnown(queryRunner, "partner_organisation");
    await queryRunner.query(`SELECT near_start_recording()`);
    await queryRunner.query(
      `UPDATE "partner_organisation" SET website_as_printed = website, website = 'http://' || website
        WHERE website IS NOT NULL AND website !~* '^https?://'`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner_organisation" ADD CONSTRAINT "CHK_partner_organisation_website" CHECK (website IS NULL OR website ~ '^https?://[^/\\s]+')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partner_organisation" DROP CONSTRAINT "CHK_partner_organisation_website"`);
    await queryRunner.query(`SELECT near_start_recording()`);
    await queryRunner.query(`UPDATE "partner_organisation" SET website = website_as_printed WHERE website_as_printed IS NOT NULL`);
    // The view reads the column: it goes first, and comes back without it.
    await queryRunner.query(`DROP VIEW known."partner_organisation"`);
    await queryRunner.query(`ALTER TABLE history."partner_organisation" DROP COLUMN "website_as_printed"`);
    await queryRunner.query(`ALTER TABLE "partner_organisation" DROP COLUMN "website_as_printed"`);
    await showKnown(queryRunner, "partner_organisation");
  }
}
