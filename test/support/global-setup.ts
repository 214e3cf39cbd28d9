import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dumpEmbedded } from "../../src/db/embedded/driver";
import { seed2020 } from "../../src/seed/seed";
import { createTestDataSource } from "./database";

/**
 * Builds the migrated, seeded database once per run of the api project. On PostgreSQL
 * (TEST_DATABASE_URL) that is the run's database itself, which test files read inside
 * transactions they roll back. On PGlite it is an image of the data folder that every
 * test file loads into its own in-memory database (see test/support/database.ts),
 * instead of running migrations and seeds again.
 */
export async function setup(): Promise<() => void> {
  const url = process.env["TEST_DATABASE_URL"];
  const dataSource = createTestDataSource(url ? { kind: "postgres", url, poolSize: 2 } : { kind: "pglite", dataDir: null });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await seed2020(dataSource);
  let file: string | undefined;
  if (!url) {
    file = join(tmpdir(), `near-test-snapshot-${process.pid}.tar`);
    writeFileSync(file, await dumpEmbedded(dataSource));
    process.env["NEAR_TEST_PGLITE_SNAPSHOT"] = file;
  }
  await dataSource.destroy();
  return () => {
    if (file) rmSync(file, { force: true });
  };
}
