import type { DataSource } from "typeorm";
import type { Calendar } from "../charter";
import type { UnitOfWork } from "../core/context";
import { todayUtc } from "../core/dates";
import { LoaderRegistry } from "../core/loaders";
import { PUBLIC_VIEWER } from "../core/viewer";
import { Association } from "../modules/association";
import { recordMissingDecisions } from "../modules/meeting";
import { Government } from "../modules/government";
import { StartupError } from "./startup-error";

/** Opens the database, turning driver errors into one readable line. */
export async function openDatabase(dataSource: DataSource, where: string): Promise<void> {
  try {
    await dataSource.initialize();
    await dataSource.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new StartupError(`cannot open the database at ${where}: ${reason || (error as { code?: string }).code || "unknown error"}`);
  }
}

/** Applies pending migrations; a build that ships none is broken, not "up to date". */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  if (dataSource.migrations.length === 0)
    throw new StartupError("no migrations found beside the build (dist/migrations): rebuild with `npm run build`");
  const newer = await migrationsUnknownToThisBuild(dataSource);
  if (newer.length > 0) {
    throw new StartupError(
      `the database was migrated by a newer build (${newer.join(", ")}), which this one does not know: run that build, or restore a backup taken before it`,
    );
  }
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((migration) => migration.name);
}

/** Migrations the database has run that this build does not have: it would serve a schema it was not written for. */
async function migrationsUnknownToThisBuild(dataSource: DataSource): Promise<string[]> {
  const [{ present }] = await dataSource.query<{ present: boolean }[]>(`SELECT to_regclass('typeorm_migration') IS NOT NULL AS present`);
  if (!present) return [];
  const known = new Set(dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name));
  const ran = await dataSource.query<{ name: string }[]>(`SELECT name FROM typeorm_migration ORDER BY id`);
  return ran.map((row) => row.name).filter((name) => !known.has(name));
}

export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Government).count()) === 0;
}

/**
 * Records the decisions of held sittings that have none (a database kept before
 * decisions were records, or sittings written around the hub): decided on the records
 * known now, in one transaction, and said so (basis DECIDED_AT_UPGRADE). Returns how
 * many meetings it decided; none on a database the hub made.
 */
export async function decideUnrecordedSittings(dataSource: DataSource, calendar: Calendar): Promise<number> {
  return dataSource.transaction(async (em) => {
    await em.query("SELECT near_start_recording()");
    const uow: UnitOfWork = {
      em,
      loaders: new LoaderRegistry({ em, viewer: PUBLIC_VIEWER }),
      today: todayUtc(),
      calendar,
      viewer: PUBLIC_VIEWER,
    };
    return recordMissingDecisions(uow, "DECIDED_AT_UPGRADE");
  });
}

export async function readFactsHorizon(dataSource: DataSource): Promise<string> {
  const row = await dataSource.getRepository(Association).findOneBy({ id: 1 });
  if (!row) throw new StartupError("the database holds no facts horizon (table association is empty): run `npm run seed`");
  return row.factsCompleteUntil;
}
