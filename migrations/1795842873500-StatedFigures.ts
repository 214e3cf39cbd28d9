import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The report's stated figures, and the rule in the data that keeps a population
 * figure inside another from being added twice. Generated, then read.
 */
export class StatedFigures1795842873500 implements MigrationInterface {
  name = "StatedFigures1795842873500";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stated_figure" ("id" SERIAL NOT NULL, "key" text NOT NULL, "label" text NOT NULL, "value" double precision NOT NULL, "unit" text NOT NULL, "as_of" date NOT NULL, "source" text NOT NULL, "quote" text NOT NULL, CONSTRAINT "PK_c750c31eafa9425418d462d81cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_stated_figure_key" ON "stated_figure" ("key")`);
    await queryRunner.query(`ALTER TABLE "government" ADD "population_included_in_id" integer`);
    await queryRunner.query(
      `ALTER TABLE "government" ADD CONSTRAINT "FK_government_population_included_in" FOREIGN KEY ("population_included_in_id") REFERENCES "government"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "government" DROP CONSTRAINT "FK_government_population_included_in"`);
    await queryRunner.query(`ALTER TABLE "government" DROP COLUMN "population_included_in_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_stated_figure_key"`);
    await queryRunner.query(`DROP TABLE "stated_figure"`);
  }
}
