/**
 * `npm run reporting -- <command>`: the reporting schema's answer tables (docs/bi.md),
 * on the database the hub uses (DATA_DIR or DATABASE_URL).
 *
 *   reporting refresh   # recompute the answers for every day now
 *
 * The hub itself refreshes at start, after every write and once a day; the tables
 * answer every day of the graph's calendar, so there is no day to add.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { todayUtc } from "./core/dates";
import { createDataSource } from "./db/data-source";
import { migrate, openDatabase } from "./db/startup";
import { StartupError } from "./db/startup-error";
import { lockDataFolder } from "./db/embedded/folder-lock";
import { refreshReporting } from "./modules/reporting";

const USAGE = `usage:
  npm run reporting -- refresh   # recompute the answers for every day the graph answers
The tables answer any day: read reporting.rights_on('2020-12-31') and the like (docs/bi.md).
The database is the hub's: DATA_DIR (default ./data) or DATABASE_URL.`;

class UsageError extends Error {}

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  if (command === undefined || command === "--help") {
    console.log(USAGE);
    return;
  }
  if (command === "add-day")
    throw new UsageError(`add-day is no longer needed: the tables answer every day, ${argument ?? "any day"} included, after a refresh`);
  if (command !== "refresh") throw new UsageError(`unknown command "${command}"`);
  const config = loadConfig(process.env, []);
  if (config.database.kind === "pglite" && config.database.dataDir !== null) lockDataFolder(config.database.dataDir, "reporting");
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource, config.database.kind === "postgres" ? "DATABASE_URL" : "the embedded database");
  try {
    await migrate(dataSource);
    const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM association`);
    if (n === 0) throw new UsageError("the database holds no facts yet: run `npm run seed` (or start the hub once) first");
    const answered = await refreshReporting(dataSource.manager, {
      today: todayUtc(),
      yearsAhead: config.calendarYearsAhead,
      // Asked by hand: recompute, whatever the tables were computed from.
      build: null,
    });
    console.log(`Reporting tables refreshed: every day from ${answered.first} to ${answered.last} (${answered.rows} rows).`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`reporting: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  else if (!(error instanceof ConfigError || error instanceof StartupError) && error instanceof Error && error.stack)
    console.error(error.stack);
  process.exit(1);
});
