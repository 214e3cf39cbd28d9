import type { MigrationInterface, QueryRunner } from "typeorm";

/** The figures events state, as fields. Generated, then read. */
export class EventFigures1795843580045 implements MigrationInterface {
  name = "EventFigures1795843580045";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event_figure" ("id" SERIAL NOT NULL, "event_id" integer NOT NULL, "measure" text NOT NULL, "value" integer NOT NULL, "country_code" character(2), CONSTRAINT "CHK_event_figure_value" CHECK (value >= 0), CONSTRAINT "PK_ead4371926d7145c2baf9b58209" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_event_figure_event_id" ON "event_figure" ("event_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_event_figure" ON "event_figure" ("event_id", "measure", "country_code")`);
    await queryRunner.query(
      `ALTER TABLE "event_figure" ADD CONSTRAINT "FK_event_figure_event" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_figure" DROP CONSTRAINT "FK_event_figure_event"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_event_figure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_figure_event_id"`);
    await queryRunner.query(`DROP TABLE "event_figure"`);
  }
}
