/**
 * `npm run backup -- FILE`: a consistent snapshot of the embedded database (DATA_DIR),
 * taken while the hub serves: a hub that owns the folder takes it itself (its admin
 * socket); otherwise this process opens the folder alone. PostgreSQL has its own tools
 * (pg_dump; docs/deploy.md). `npm run restore -- FILE` brings it back.
 */
import "reflect-metadata";
import { existsSync, renameSync, writeFileSync } from "node:fs";
import { ConfigError, loadConfig } from "./config";
import { createDataSource } from "./db/data-source";
import { askRunningHub } from "./db/embedded/admin-client";
import { dumpEmbedded } from "./db/embedded/driver";
import { folderOwner, lockDataFolder } from "./db/embedded/folder-lock";
import { snapshotOf } from "./db/embedded/snapshot";
import { openDatabase } from "./db/startup";
import { StartupError } from "./db/startup-error";

const USAGE = `usage: npm run backup -- FILE
A snapshot of the embedded database in DATA_DIR (default ./data), taken while the hub serves.
On PostgreSQL use pg_dump (docs/deploy.md).`;

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (file === undefined || file === "--help") {
    console.log(USAGE);
    return;
  }
  if (existsSync(file)) throw new StartupError(`${file} exists: give a new file name (a backup never overwrites one)`);
  const config = loadConfig(process.env, []);
  if (config.database.kind === "postgres") {
    throw new StartupError('DATABASE_URL is PostgreSQL: back it up with pg_dump -Fc (docs/deploy.md, "Backups")');
  }
  const { dataDir } = config.database;
  if (dataDir === null) throw new StartupError("an in-memory database (--memory) keeps nothing to back up");
  const owner = folderOwner(dataDir);
  let snapshot: Uint8Array;
  if (owner?.socket) {
    const answer = await askRunningHub(owner.socket, "GET", "/backup");
    if (answer.status !== 200) throw new StartupError(`the running hub could not take the snapshot: ${answer.body.toString()}`);
    snapshot = answer.body;
  } else {
    if (!existsSync(dataDir)) throw new StartupError(`data folder ${dataDir} holds no database to back up`);
    const lock = lockDataFolder(dataDir, "backup");
    const dataSource = createDataSource(config.database, { embedded: { worker: false } });
    await openDatabase(dataSource, `the embedded database in ${dataDir}`);
    try {
      snapshot = await snapshotOf(dataSource, () => dumpEmbedded(dataSource));
    } finally {
      await dataSource.destroy();
      lock.release();
    }
  }
  // Written whole, then named: an interrupted backup leaves no file that looks complete.
  writeFileSync(`${file}.partial`, snapshot);
  renameSync(`${file}.partial`, file);
  console.log(`Backed up ${dataDir} to ${file} (${snapshot.length} bytes${owner?.socket ? ", taken by the running hub" : ""}).`);
}

main().catch((error: unknown) => {
  console.error(`backup: ${error instanceof ConfigError || error instanceof StartupError ? error.message : String(error)}`);
  if (!(error instanceof ConfigError || error instanceof StartupError) && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(1);
});
