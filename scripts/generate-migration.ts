/**
 * Writes a migration holding the SQL that brings a database migrated to the latest
 * existing migration up to the entities: what `typeorm migration:generate` does,
 * on a throwaway in-memory PGlite. Read and tidy the result, then list it in
 * migrations/index.ts.
 *
 *   npm run migration:generate -- AddDuesLedger
 */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS } from "../migrations";
import { createDataSource } from "../src/db/data-source";

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error("usage: npm run migration:generate -- PascalCaseName");
    process.exit(1);
  }
  const dataSource = createDataSource({ kind: "pglite", dataDir: null }, { migrations: MIGRATIONS });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (sql.upQueries.length === 0) {
    console.log("The entities and migrations agree: nothing to generate.");
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  // TypeORM pads index statements with stray spaces; tidy them so the file reads as written.
  const tidy = (query: string) => query.replace(/" {2}\(/g, '" (').replace(/\) $/, ")");
  const quote = (query: string) => "`" + tidy(query).replace(/\\/g, "\\\\").replace(/`/g, "\\`") + "`";
  const lines = (queries: { query: string }[]) => queries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join("\n");
  const source = `import type { MigrationInterface, QueryRunner } from "typeorm";

export class ${className} implements MigrationInterface {
  name = "${className}";

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`;
  const file = join("migrations", `${timestamp}-${name}.ts`);
  writeFileSync(file, source);
  console.log(`Wrote ${file} (${sql.upQueries.length} statements). Read it, tidy it, and add ${className} to migrations/index.ts.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
