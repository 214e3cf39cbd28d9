import type { DataSource } from "typeorm";
import { MIGRATIONS } from "../../migrations";
import type { DatabaseConfig } from "../../src/config";
import { createDataSource } from "../../src/db/data-source";
import { seed2020 } from "../../src/seed/seed";
import { QueryCounter } from "./query-counter";

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

/**
 * A data source for tests: the migration classes from source (the hub itself loads the
 * built files); PGlite in the test's own thread, started from `imageFile` when given.
 */
export function createTestDataSource(
  config: DatabaseConfig,
  options: { counter?: QueryCounter; imageFile?: string; statementTimeoutMs?: number } = {},
): DataSource {
  return createDataSource(config, {
    migrations: MIGRATIONS,
    embedded: { imageFile: options.imageFile ?? null, worker: false },
    ...(options.counter ? { logger: options.counter } : {}),
    ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
  });
}

export interface TestDatabase {
  dataSource: DataSource;
  counter: QueryCounter;
}

/**
 * The test's database; `ownEmbedded`: an in-memory PGlite of its own in both passes, for
 * a test that writes outside a rolled-back transaction and must leave the run's shared
 * PostgreSQL database as it was.
 */
export async function openTestDatabase(options: { ownEmbedded?: boolean } = {}): Promise<TestDatabase> {
  const counter = new QueryCounter();
  const embedded = options.ownEmbedded === true || !onPostgres();
  const snapshotFile = embedded ? process.env["NEAR_TEST_PGLITE_SNAPSHOT"] : undefined;
  const config: DatabaseConfig = embedded ? { kind: "pglite", dataDir: null } : testDatabaseConfig();
  const dataSource = createTestDataSource(config, { counter, ...(snapshotFile ? { imageFile: snapshotFile } : {}) });
  await dataSource.initialize();
  if (embedded && !snapshotFile) {
    // Run outside the suite's global setup (a single file by hand): build the database here.
    await dataSource.runMigrations({ transaction: "each" });
    await seed2020(dataSource);
  }
  return { dataSource, counter };
}
