import { join } from "node:path";
import type { DataSource } from "typeorm";
import { calendarFor } from "../charter";
import type { UnitOfWork } from "../core/context";
import { LoaderRegistry } from "../core/loaders";
import { PUBLIC_VIEWER } from "../core/viewer";
import { Association } from "../modules/association";
import { RecordedQuorum, recordMissingDecisions } from "../modules/meeting";
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
 * The recorded time of the shipped facts: the end of their horizon. The hub answers
 * "what was known on 2020-12-31" with the report's facts, and any `asKnownOn` before
 * its first record with these versions (docs/charter.md, "Two times").
 */
export function seedsRecordedAt(): string {
  return `${ASSOCIATION.factsCompleteUntil}T23:59:59.999Z`;
}

/**
 * Loads the 2020 facts in one transaction, upserting by natural key: a second run
 * inserts and updates nothing. Returns what it did, table by table. Into an empty
 * database the versions are recorded at `seedsRecordedAt()`; a later run records what
 * it changes now, as a correction.
 */
export async function seed2020(dataSource: DataSource): Promise<TableReport[]> {
  const dir = FACTS_DIR;
  return dataSource.transaction(async (em) => {
    const empty = (await em.getRepository(Association).count()) === 0;
    if (empty) await em.query(`SELECT set_config('near.recorded_at', $1, true)`, [seedsRecordedAt()]);
    else await em.query("SELECT near_start_recording()");
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
    // The seeded sittings' decisions, taken on the seeded records: recorded with them, as any sitting's are.
    const horizon = ASSOCIATION.factsCompleteUntil;
    const uow: UnitOfWork = {
      em,
      loaders: new LoaderRegistry({ em, viewer: PUBLIC_VIEWER }),
      today: horizon,
      calendar: calendarFor(horizon, horizon, 0),
      viewer: PUBLIC_VIEWER,
    };
    const decided = await recordMissingDecisions(uow, "RECORDED");
    const recorded = await em.getRepository(RecordedQuorum).count();
    reports.push({ table: "recorded_quorum", inserted: decided, updated: 0, unchanged: recorded - decided });
    return reports;
  });
}

export function formatSeedReport(reports: readonly TableReport[]): string {
  return reports.map((r) => `${r.table.padEnd(24)} inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}`).join("\n");
}
