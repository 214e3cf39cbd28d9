import type { DataSource } from "typeorm";
import { Association } from "../modules/association";
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
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((migration) => migration.name);
}

export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Government).count()) === 0;
}

export async function readFactsHorizon(dataSource: DataSource): Promise<string> {
  const row = await dataSource.getRepository(Association).findOneBy({ id: 1 });
  if (!row) throw new StartupError("the database holds no facts horizon (table association is empty): run `npm run seed`");
  return row.factsCompleteUntil;
}
