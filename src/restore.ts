/**
 * `npm run restore -- FILE`: a snapshot (`npm run backup`) into an empty embedded data
 * folder (DATA_DIR), migrated forward to this build's migrations. A damaged or foreign
 * file, or one this build cannot open, stops with one line and leaves the folder empty.
 */
import "reflect-metadata";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { lockDataFolder } from "./db/embedded/folder-lock";
import { unpackDataFolder } from "./db/embedded/image";
import { SnapshotError, readSnapshot } from "./db/embedded/snapshot";
import { migrate, openDatabase, readFactsHorizon } from "./db/startup";
import { StartupError } from "./db/startup-error";

const USAGE = `usage: npm run restore -- FILE
Restores a snapshot made by npm run backup into DATA_DIR (default ./data), which must be empty or missing.
On PostgreSQL use pg_restore (docs/deploy.md).`;

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (file === undefined || file === "--help") {
    console.log(USAGE);
    return;
  }
  const config = loadConfig(process.env, []);
  if (config.database.kind === "postgres") {
    throw new StartupError('DATABASE_URL is PostgreSQL: restore it with pg_restore (docs/deploy.md, "Backups")');
  }
  const { dataDir } = config.database;
  if (dataDir === null) throw new StartupError("restore into a data folder (DATA_DIR), not an in-memory database");
  if (!existsSync(file)) throw new StartupError(`${file}: no such file`);
  const lock = lockDataFolder(dataDir, "restore");
  const folder = resolve(dataDir);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new StartupError(`data folder ${dataDir} is not empty: restore into an empty folder (a restore never overwrites a database)`);
  }
  const { header, tar } = readSnapshot(readFileSync(file), file);
  try {
    unpackDataFolder(tar, folder);
    const dataSource = createDataSource(config.database, { embedded: { worker: false } });
    await openDatabase(dataSource, `the restored database in ${dataDir}`);
    try {
      const applied = await migrate(dataSource);
      // A snapshot of a database that was never seeded holds no horizon yet.
      const horizon = await readFactsHorizon(dataSource).catch(() => null);
      console.log(
        `Restored ${file} (taken ${header.createdAt}, at migration ${header.migrations.at(-1) ?? "none"}) into ${dataDir}; ${horizon === null ? "it holds no facts yet" : `facts complete until ${horizon}`}.`,
      );
      if (applied.length > 0) console.log(`Migrated forward: ${applied.join(", ")}.`);
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    // Nothing half-restored: the folder is left empty for another try.
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    throw error instanceof StartupError
      ? error
      : new SnapshotError(`${file} could not be opened as a database: ${String(error)}; nothing was restored`);
  } finally {
    lock.release();
  }
}

main().catch((error: unknown) => {
  console.error(`restore: ${error instanceof ConfigError || error instanceof StartupError ? error.message : String(error)}`);
  process.exit(1);
});
