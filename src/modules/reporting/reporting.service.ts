import type { EntityManager } from "typeorm";
import { calendarFor, committeeStatus } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { LoaderRegistry } from "../../core/loaders";
import { PUBLIC_VIEWER } from "../../core/viewer";
import { backgroundScope, rootOf, scopedSource } from "../../core/scoped-source";
import { writeGateOf } from "../../core/write-gate";
import { chairOf } from "../chair";
import { Committee } from "../committee";
import { coordinationOf } from "../coordination";
import { duesHistoryOf, duesStandingOf, electionRightsOf, votingRightsOf } from "../rights";

/** The days the answer tables hold, always with `today`: other days are added by `npm run reporting -- add-day`. */
async function daysToRefresh(em: EntityManager, today: IsoDate): Promise<IsoDate[]> {
  await em.query(`INSERT INTO reporting.days (day) VALUES ($1) ON CONFLICT (day) DO NOTHING`, [today]);
  const rows = await em.query<{ day: string }[]>(`SELECT day::text AS day FROM reporting.days ORDER BY day`);
  return rows.map((r) => r.day);
}

/** Every government with a membership, by slug: the rows of the rights and dues tables. */
async function governments(em: EntityManager): Promise<{ id: number; slug: string }[]> {
  return em.query(
    `SELECT g.id, g.slug FROM government g WHERE EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id) ORDER BY g.slug`,
  );
}

/** One day's answers as rows of the answer tables (columns by name), computed before anything is written. */
interface DayRows {
  rights: Record<string, unknown>[];
  dues_years: Record<string, unknown>[];
  chair: Record<string, unknown>[];
  committees: Record<string, unknown>[];
}

/**
 * The charter's answers for `day`, as the graph gives them to the public: every
 * government's at once, so the request's loaders batch their reads across governments.
 */
async function answersFor(uow: UnitOfWork, day: IsoDate, all: readonly { id: number; slug: string }[]): Promise<DayRows> {
  const perGovernment = await Promise.all(
    all.map(async ({ id, slug }) => {
      const [voting, election, standing, history] = await Promise.all([
        votingRightsOf(uow, id, day),
        electionRightsOf(uow, id, day),
        duesStandingOf(uow, id, day),
        duesHistoryOf(uow, id, day),
      ]);
      const rights = {
        day,
        government: slug,
        membership_kind: voting.membershipKind,
        voting_eligible: voting.eligible,
        election_eligible: election.eligible,
        dues_restricted: voting.membershipKind === "MEMBER" ? standing.restricted : null,
        restricted_since: standing.restrictedSince,
        reasons: voting.reasons,
      };
      const dues = history.map((year) => ({
        day,
        government: slug,
        fiscal_year: year.fiscalYear,
        status: year.status,
        assessed_usd_cents: year.assessedUsdCents,
        waived_usd_cents: year.waivedUsdCents,
        paid_usd_cents: year.paidUsdCents,
        outstanding_usd_cents: year.outstandingUsdCents,
        overdue: year.overdue,
      }));
      return { rights, dues };
    }),
  );
  const chair = await chairOf(uow, day);
  return {
    rights: perGovernment.map((g) => g.rights),
    dues_years: perGovernment.flatMap((g) => g.dues),
    chair: [{ day, government: chair.government, until: chair.until, reasons: chair.reasons }],
    committees: (await committeesOn(uow, day)).map((row) => ({ day, ...row })),
  };
}

/** A committee on a day, as the graph answers: the row of `reporting.committees` and of the committees export. */
export interface CommitteeOnDay {
  committee: string;
  kind: string;
  number: number | null;
  name_en: string | null;
  status: string;
  /** The slugs of the governments known to coordinate on the day. */
  coordinators: string[];
  /** Those whose coordination that day the sources leave unknown (an undated start). */
  coordinators_unknown: string[];
  last_activity: IsoDate | null;
  active_in_current_term: boolean | null;
}

/** Every committee on `day`, by slug: its status and coordinators as `Committee.status` and `coordination` answer. */
export async function committeesOn(uow: UnitOfWork, day: IsoDate): Promise<CommitteeOnDay[]> {
  const committees = await uow.em.getRepository(Committee).find({ order: { slug: "ASC" } });
  const coordination = await Promise.all(committees.map((committee) => coordinationOf(uow, committee, day)));
  return committees.map((committee, index) => ({
    committee: committee.slug,
    kind: committee.kind,
    number: committee.number,
    name_en: committee.nameEn,
    status: committeeStatus(committee, day),
    coordinators: coordination[index].coordinators.filter((c) => c.certainty === "KNOWN").map((c) => c.government),
    coordinators_unknown: coordination[index].coordinators.filter((c) => c.certainty !== "KNOWN").map((c) => c.government),
    last_activity: coordination[index].lastActivity,
    active_in_current_term: coordination[index].activeInCurrentTerm,
  }));
}

const TABLES = ["rights", "dues_years", "chair", "committees"] as const;

/**
 * Per database: the refresh running, and the one waiting for it. Refreshes run one
 * after another (a later one, after a write, never has its answers overwritten by an
 * older one), and every request made while one waits joins it: a burst of writes costs
 * two refreshes, not one each.
 */
const queues = new WeakMap<object, { running: Promise<unknown>; waiting: { today: IsoDate; done: Promise<IsoDate[]> } | null }>();

/**
 * Recomputes the charter's answers in the reporting tables for every day asked, as the
 * graph gives them to the public. The answers are computed first, with reads that
 * share the database with every request; then one short transaction replaces the
 * tables' rows for those days (a reader sees the old answers or the new, never half),
 * a few statements whatever the number of governments. On the embedded database only
 * that transaction holds the write gate, so requests wait for milliseconds, not for
 * the computation. Run after every write, once a day, and at start.
 */
export function refreshReporting(em: EntityManager, today: IsoDate): Promise<IsoDate[]> {
  const database = rootOf(em.connection);
  const queue = queues.get(database) ?? { running: Promise.resolve(), waiting: null };
  queues.set(database, queue);
  if (queue.waiting) {
    // Not started yet: it will see this request's write, and answer for the latest day asked.
    if (today > queue.waiting.today) queue.waiting.today = today;
    return queue.waiting.done;
  }
  const waiting = { today, done: Promise.resolve<IsoDate[]>([]) };
  waiting.done = queue.running
    .catch(() => {})
    .then(() => {
      queue.waiting = null;
      return refreshNow(em, waiting.today);
    });
  queue.waiting = waiting;
  queue.running = waiting.done;
  return waiting.done;
}

async function refreshNow(em: EntityManager, today: IsoDate): Promise<IsoDate[]> {
  const days = await daysToRefresh(em, today);
  const all = await governments(em);
  const answers: DayRows[] = [];
  for (const day of days) {
    const uow: UnitOfWork = {
      em,
      loaders: new LoaderRegistry({ em, viewer: PUBLIC_VIEWER }),
      today: day,
      // The day's own answers: nothing here asks about a later year.
      calendar: calendarFor(day, day, 0),
      viewer: PUBLIC_VIEWER,
    };
    answers.push(await answersFor(uow, day, all));
  }
  // The refresh's own scope: its statements pass the gate it holds, and no other's do.
  const writer = scopedSource(em.connection, backgroundScope()).manager;
  await writeGateOf(em.connection).exclusive(writer, () =>
    writer.transaction(async (tx) => {
      for (const table of TABLES) {
        await tx.query(`DELETE FROM reporting.${table} WHERE day = ANY($1::date[])`, [days]);
        const rows = answers.flatMap((day) => day[table]);
        // One statement per table: the rows as JSON, read back into the table's own row type.
        if (rows.length > 0)
          await tx.query(`INSERT INTO reporting.${table} SELECT * FROM json_populate_recordset(NULL::reporting.${table}, $1::json)`, [
            JSON.stringify(rows),
          ]);
      }
      await tx.query(`UPDATE reporting.days SET refreshed_at = now() WHERE day = ANY($1::date[])`, [days]);
    }),
  );
  return days;
}

/** Adds a day to the ones the reporting tables answer for (filled on the next refresh). */
export async function addReportingDay(em: EntityManager, day: IsoDate): Promise<void> {
  await em.query(`INSERT INTO reporting.days (day) VALUES ($1) ON CONFLICT (day) DO NOTHING`, [day]);
}
