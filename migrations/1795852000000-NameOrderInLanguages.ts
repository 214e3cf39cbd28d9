import type { MigrationInterface, QueryRunner } from "typeorm";

const LANGS = ["en", "zh", "ko", "ja", "ru", "mn"] as const;

/** `core/collation.ts`'s `nameOrderSql` without an alias, frozen here: the name a page orders by in `lang`. */
function nameOrder(lang: string, collation: string): string {
  const chain = [lang, ...LANGS.filter((other) => other !== lang)].map((each) => `name_${each}`);
  return `(COALESCE(${chain.join(", ")}, '') COLLATE "${collation}")`;
}

/**
 * Governments and countries order by name in the language asked for, in that
 * language's ICU collation where the database has one (`ko-x-icu`…), else ICU's root
 * (`und-x-icu`, all PGlite has), else `C`: the choice `core/collation.ts` makes at
 * start. Each language's order gets its own index (test/services/indexes.test.ts
 * explains every order); the English-only `C` indexes they replace are dropped.
 */
export class NameOrderInLanguages1795852000000 implements MigrationInterface {
  name = "NameOrderInLanguages1795852000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    const rows: { collname: string }[] = await queryRunner.query(`SELECT collname FROM pg_collation WHERE collname = ANY($1::text[])`, [
      ["und-x-icu", ...LANGS.map((lang) => `${lang}-x-icu`)],
    ]);
    const present = new Set(rows.map((row) => row.collname));
    await queryRunner.query(`DROP INDEX "IDX_government_order_name"`);
    await queryRunner.query(`DROP INDEX "IDX_country_order_name"`);
    for (const lang of LANGS) {
      const collation = present.has(`${lang}-x-icu`) ? `${lang}-x-icu` : present.has("und-x-icu") ? "und-x-icu" : "C";
      await queryRunner.query(
        `CREATE INDEX "IDX_government_order_name_${lang}" ON "government" (${nameOrder(lang, collation)}, (slug COLLATE "C"))`,
      );
      await queryRunner.query(`CREATE INDEX "IDX_country_order_name_${lang}" ON "country" (${nameOrder(lang, collation)}, code)`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const lang of LANGS) {
      await queryRunner.query(`DROP INDEX "IDX_country_order_name_${lang}"`);
      await queryRunner.query(`DROP INDEX "IDX_government_order_name_${lang}"`);
    }
    await queryRunner.query(`CREATE INDEX "IDX_country_order_name" ON "country" ((COALESCE(name_en, '') COLLATE "C"), code)`);
    await queryRunner.query(
      `CREATE INDEX "IDX_government_order_name" ON "government" ((COALESCE(name_en, '') COLLATE "C"), (slug COLLATE "C"))`,
    );
  }
}
