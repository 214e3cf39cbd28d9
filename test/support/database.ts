import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { QueryCounter } from "../../src/db/query-counter";
import { seed2020 } from "../../seeds/seed";

/**
 * The database the suite runs on: PostgreSQL when TEST_DATABASE_URL is set (CI's
 * second pass; global setup has migrated and seeded it once), else a fresh
 * in-memory PGlite per test file, migrated and seeded here.
 */
export function testDatabaseConfig(): DatabaseConfig {
  const url = process.env["TEST_DATABASE_URL"];
  return url ? { kind: "postgres", url, poolSize: 4 } : { kind: "pglite", dataDir: null };
}

export function onPostgres(): boolean {
  return testDatabaseConfig().kind === "postgres";
}

export interface TestDatabase {
  dataSource: DataSource;
  counter: QueryCounter;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const counter = new QueryCounter();
  const dataSource = createDataSource(testDatabaseConfig(), { logger: counter });
  await dataSource.initialize();
  if (!onPostgres()) {
    await dataSource.runMigrations({ transaction: "each" });
    await seed2020(dataSource);
  }
  return { dataSource, counter };
}
