import { describe, expect, it } from "vitest";
import { createTestDataSource, testDatabaseConfig } from "../support/database";

describe("migrations", () => {
  it("agree with the entities: after all migrations the schema builder has nothing to change", async () => {
    // On the suite's own database: PostgreSQL in CI's second pass, where global setup migrated it.
    const dataSource = createTestDataSource(testDatabaseConfig());
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: "each" });
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  // Always on a private PGlite: undoing migrations on the shared PostgreSQL would pull it from under other files.
  it("revert cleanly: undoing every migration leaves no table of the hub behind", async () => {
    const dataSource = createTestDataSource({ kind: "pglite", dataDir: null });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: "each" });
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration({ transaction: "each" });
      const tables: { table_name: string }[] = await dataSource.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(["typeorm_migration"]);
    } finally {
      await dataSource.destroy();
    }
  });
});
