import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The outbox is pruned (OUTBOX_RETENTION_DAYS): a change is deleted once no delivery
 * names it, which PostgreSQL checks through the deliveries' foreign key to it. An index
 * on that key keeps each check a lookup rather than a scan of every delivery.
 */
export class OutboxRetention1795856000000 implements MigrationInterface {
  name = "OutboxRetention1795856000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_webhook_delivery_event" ON "webhook_delivery" ("event_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_event"`);
  }
}
