import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The rest of the API's orderings, indexed on the exact keys their keyset pagination
 * sorts by (as `OrderIndexes` did for governments and events): countries by name,
 * committees by number and by name, partners by name, staff by slug. Found by
 * test/services/indexes.test.ts, which explains every list's statements on ×100 data
 * with sequential scans and sorts priced out, and fails on any that remain.
 */
export class ListOrderIndexes1795845000000 implements MigrationInterface {
  name = "ListOrderIndexes1795845000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_country_order_name" ON "country" ((COALESCE(name_en, '') COLLATE "C"), code)`);
    await queryRunner.query(`CREATE INDEX "IDX_committee_order_number" ON "committee" ((COALESCE(number, 0)), (slug COLLATE "C"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_committee_order_name" ON "committee" ((COALESCE(name_en, '') COLLATE "C"), (slug COLLATE "C"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_partner_organisation_order_name" ON "partner_organisation" ((name_en COLLATE "C"), (slug COLLATE "C"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_staff_member_order_slug" ON "staff_member" ((slug COLLATE "C"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_staff_member_order_slug"`);
    await queryRunner.query(`DROP INDEX "IDX_partner_organisation_order_name"`);
    await queryRunner.query(`DROP INDEX "IDX_committee_order_name"`);
    await queryRunner.query(`DROP INDEX "IDX_committee_order_number"`);
    await queryRunner.query(`DROP INDEX "IDX_country_order_name"`);
  }
}
