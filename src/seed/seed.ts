import { join } from "node:path";
import type { DataSource } from "typeorm";
import { Association } from "../modules/association";
import { seedCommittees, seedMeetings } from "./committees.seed";
import { StatedFigure } from "../modules/stats";
import { ASSOCIATION, STATED_FIGURES } from "./curated";
import { seedAmbassadors, seedPartnersAndEvents } from "./directory.seed";
import { seedGovernments } from "./governments.seed";
import { seedSecretariat } from "./secretariat.seed";
import { upsertByKey } from "./upsert";
import type { TableReport } from "./upsert";
import { mustGet } from "./values";

/**
 * The extraction's CSV files: `seeds/near-2020/` beside `src/` in the repository, and
 * beside `dist/src/` in a build (the build copies them there).
 */
export const FACTS_DIR = join(__dirname, "..", "..", "seeds", "near-2020");

/**
 * Loads the 2020 facts in one transaction, upserting by natural key: a second run
 * inserts and updates nothing. Returns what it did, table by table.
 */
export async function seed2020(dataSource: DataSource): Promise<TableReport[]> {
  const dir = FACTS_DIR;
  return dataSource.transaction(async (em) => {
    const reports: TableReport[] = [];
    const governments = await seedGovernments(em, dir, reports);
    const { secretariatHost, ...association } = ASSOCIATION;
    const row = { ...association, secretariatHostGovernmentId: mustGet(governments, secretariatHost, "government").id };
    reports.unshift((await upsertByKey(em, Association, [row], (a) => String(a.id))).report);
    const committees = await seedCommittees(em, dir, governments, reports);
    await seedMeetings(em, governments, committees, reports);
    await seedSecretariat(em, dir, governments, reports);
    await seedAmbassadors(em, dir, governments, reports);
    await seedPartnersAndEvents(em, dir, reports);
    reports.push((await upsertByKey(em, StatedFigure, STATED_FIGURES, (f) => f.key!)).report);
    return reports;
  });
}

export function formatSeedReport(reports: readonly TableReport[]): string {
  return reports.map((r) => `${r.table.padEnd(24)} inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}`).join("\n");
}
