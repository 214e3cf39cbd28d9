import type { MigrationInterface, QueryRunner } from "typeorm";

/** A delivery whose webhook was removed before the receiver acknowledged it is CANCELLED, never tried again. */
export class WebhookDeliveryCancelled1795855000000 implements MigrationInterface {
  name = "WebhookDeliveryCancelled1795855000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "CHK_webhook_delivery_status"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "CHK_webhook_delivery_status" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'))`,
    );
    // What a removed webhook still had pending is cancelled now, as removing one does from here on.
    await queryRunner.query(
      `UPDATE "webhook_delivery" d SET status = 'CANCELLED', leased_until = NULL
         FROM "webhook" w WHERE w.id = d.webhook_id AND w.removed_at IS NOT NULL AND d.status = 'PENDING'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The earlier schema has no CANCELLED: such a delivery is one that will never be acknowledged.
    await queryRunner.query(`UPDATE "webhook_delivery" SET status = 'FAILED' WHERE status = 'CANCELLED'`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "CHK_webhook_delivery_status"`);
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "CHK_webhook_delivery_status" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))`,
    );
  }
}
