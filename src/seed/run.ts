/** `npm run seed`: loads the 2020 facts into the configured database (idempotent). */
import "reflect-metadata";
import { ConfigError, loadConfig } from "../config";
import { createDataSource } from "../db/data-source";
import { migrate, openDatabase } from "../db/startup";
import { StartupError } from "../db/startup-error";
import { lockDataFolder } from "../db/embedded/folder-lock";
import { formatSeedReport, seed2020 } from "./seed";

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  if (config.database.kind === "pglite" && config.database.dataDir !== null) lockDataFolder(config.database.dataDir, "seed");
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource, config.database.kind === "postgres" ? "DATABASE_URL" : "the embedded database");
  await migrate(dataSource);
  console.log(formatSeedReport(await seed2020(dataSource)));
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error(`seed: ${error instanceof ConfigError || error instanceof StartupError ? error.message : String(error)}`);
  process.exit(1);
});
