import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Live changes and webhooks (docs/live.md): `live_event`, the outbox a write fills in
 * its own transaction; the webhooks ADMINs register; and each webhook's deliveries,
 * tried with backoff until acknowledged. Not facts, so not versioned: the audit log
 * records every change to webhooks.
 */
export class LiveOutbox1795854000000 implements MigrationInterface {
  name = "LiveOutbox1795854000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "live_event" ("id" uuid NOT NULL, "kind" text NOT NULL, "operation" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "change" jsonb NOT NULL, "fanned_out_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_live_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_live_event_not_fanned_out" ON "live_event" ("recorded_at") WHERE fanned_out_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "webhook" ("id" SERIAL NOT NULL, "version" integer NOT NULL DEFAULT '1', "url" text NOT NULL, "events" text array NOT NULL, "filter" jsonb NOT NULL, "secret" text NOT NULL, "label" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_webhook" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_webhook_url_active" ON "webhook" ("url") WHERE removed_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "webhook_delivery" ("id" SERIAL NOT NULL, "webhook_id" integer NOT NULL, "event_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "attempts" smallint NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "leased_until" TIMESTAMP WITH TIME ZONE, "last_status" smallint, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_webhook_delivery_status" CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT "PK_webhook_delivery" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_webhook_delivery_webhook_event" ON "webhook_delivery" ("webhook_id", "event_id")`);
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_webhook_delivery_webhook" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_webhook_delivery_event" FOREIGN KEY ("event_id") REFERENCES "live_event"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_webhook_delivery_event"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_webhook_delivery_webhook"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_webhook_delivery_webhook_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_delivery_due"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_webhook_url_active"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_live_event_not_fanned_out"`);
    await queryRunner.query(`DROP TABLE "live_event"`);
  }
}
