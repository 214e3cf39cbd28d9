import { createDataSource } from "../../src/db/data-source";
import { seed2020 } from "../../seeds/seed";

/**
 * On PostgreSQL, migrate and seed the run's database once: test files then read it
 * inside transactions they roll back. PGlite files build their own databases.
 */
export async function setup(): Promise<void> {
  const url = process.env["TEST_DATABASE_URL"];
  if (!url) return;
  const dataSource = createDataSource({ kind: "postgres", url, poolSize: 2 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await seed2020(dataSource);
  await dataSource.destroy();
}
