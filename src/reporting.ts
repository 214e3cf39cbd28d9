/**
 * `npm run reporting -- <command>`: the reporting schema's answer tables (docs/bi.md),
 * on the database the hub uses (DATA_DIR or DATABASE_URL).
 *
 *   reporting add-day 2020-12-31   # answer for that day too, from the next refresh on
 *   reporting refresh              # recompute every day's answers now
 *
 * The hub itself refreshes at start, after every write and once a day.
 */
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config";
import { parseIsoDate, todayUtc } from "./core/dates";
import { createDataSource } from "./db/data-source";
import { migrate, openDatabase } from "./db/startup";
import { StartupError } from "./db/startup-error";
import { lockDataFolder } from "./db/embedded/folder-lock";
import { addReportingDay, refreshReporting } from "./modules/reporting";

const USAGE = `usage:
  npm run reporting -- add-day YYYY-MM-DD   # answer for that day too (then refreshes)
  npm run reporting -- refresh              # recompute the answers for every day asked
The database is the hub's: DATA_DIR (default ./data) or DATABASE_URL.`;

class UsageError extends Error {}

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  if (command === undefined || command === "--help") {
    console.log(USAGE);
    return;
  }
  if (command !== "add-day" && command !== "refresh") throw new UsageError(`unknown command "${command}"`);
  const day = command === "add-day" ? parseIsoDate(argument ?? "") : null;
  if (command === "add-day" && day === null) throw new UsageError(`add-day needs a date YYYY-MM-DD, got "${argument ?? ""}"`);
  const config = loadConfig(process.env, []);
  if (config.database.kind === "pglite" && config.database.dataDir !== null) lockDataFolder(config.database.dataDir, "reporting");
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource, config.database.kind === "postgres" ? "DATABASE_URL" : "the embedded database");
  try {
    await migrate(dataSource);
    const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM association`);
    if (n === 0) throw new UsageError("the database holds no facts yet: run `npm run seed` (or start the hub once) first");
    if (day !== null) await addReportingDay(dataSource.manager, day);
    const days = await refreshReporting(dataSource.manager, todayUtc());
    console.log(`Reporting answers refreshed for ${days.length} day(s): ${days.join(", ")}.`);
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
