import { readFileSync } from "node:fs";
import type { DataSource } from "typeorm";
import type { DatabaseConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { QueryCounter } from "../../src/db/query-counter";
import { seed2020 } from "../../seeds/seed";

/**
 * The database the suite runs on: PostgreSQL when TEST_DATABASE_URL is set (CI's
 * second pass; global setup has migrated and seeded it once), else a fresh
 * in-memory PGlite per test file, loaded from the snapshot global setup made.
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
  const snapshotFile = process.env["NEAR_TEST_PGLITE_SNAPSHOT"];
  const snapshot = !onPostgres() && snapshotFile ? new Blob([readFileSync(snapshotFile)]) : undefined;
  const dataSource = createDataSource(testDatabaseConfig(), { logger: counter, ...(snapshot ? { pgliteSnapshot: snapshot } : {}) });
  await dataSource.initialize();
  if (!onPostgres() && !snapshot) {
    // Run outside the suite's global setup (a single file by hand): build the database here.
    await dataSource.runMigrations({ transaction: "each" });
    await seed2020(dataSource);
  }
  return { dataSource, counter };
}
