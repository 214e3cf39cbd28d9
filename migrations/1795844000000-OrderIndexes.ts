import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Indexes for the orderings the API exposes, on the exact expressions the keyset
 * pagination sorts by (`COLLATE "C"` text, so PGlite and PostgreSQL agree): a page
 * then reads its rows from the index instead of sorting every row. Declared on the
 * entities with `synchronize: false` (TypeORM cannot describe expression indexes).
 * Measured with `npm run bench:scale` (docs/BENCHMARKS.md).
 */
export class OrderIndexes1795844000000 implements MigrationInterface {
  name = "OrderIndexes1795844000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_government_order_slug" ON "government" ((slug COLLATE "C"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_government_order_name" ON "government" ((COALESCE(name_en, '') COLLATE "C"), (slug COLLATE "C"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_government_order_population" ON "government" ((COALESCE(population, -1)), (slug COLLATE "C"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_event_order_date" ON "event" (starts_on, (title_en COLLATE "C"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_event_order_date"`);
    await queryRunner.query(`DROP INDEX "IDX_government_order_population"`);
    await queryRunner.query(`DROP INDEX "IDX_government_order_name"`);
    await queryRunner.query(`DROP INDEX "IDX_government_order_slug"`);
  }
}
