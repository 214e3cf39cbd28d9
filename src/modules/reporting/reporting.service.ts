import type { EntityManager } from "typeorm";
import { addDays, calendarFor, committeeChangeDays, committeeStatus, daysToAsk } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { LoaderRegistry, nextTurn } from "../../core/loaders";
import type { ReasonType } from "../../core/reasons";
import { PUBLIC_VIEWER } from "../../core/viewer";
import { backgroundScope, rootOf, scopedSource } from "../../core/scoped-source";
import { writeGateOf } from "../../core/write-gate";
import { associationRecord } from "../association";
import { chairChangeDaysOf, chairOf } from "../chair";
import { Committee } from "../committee";
import { coordinationChangeDaysOf, coordinationOf } from "../coordination";
import { duesHistoryOf, duesStandingOf, electionRightsOf, rightsChangeDaysOf, votingRightsOf } from "../rights";

/** Every government with a membership, by slug: the rows of the rights and dues tables. */
async function governments(em: EntityManager): Promise<{ id: number; slug: string }[]> {
  return em.query(
    `SELECT g.id, g.slug FROM government g WHERE EXISTS (SELECT 1 FROM membership m WHERE m.government_id = g.id) ORDER BY g.slug`,
  );
}

/** A row of an answer table, columns by name. */
type Row = Record<string, unknown>;

/** How a span's reasons name the day asked; `reporting.<table>_on(day)` writes the day in its place. */
const DAY_MARK = "{day}";

function reasonsMarked(reasons: readonly ReasonType[], day: IsoDate): ReasonType[] {
  return reasons.map((r) => ({ code: r.code, article: r.article, message: r.message.replaceAll(day, DAY_MARK) }));
}

/**
 * One subject's rows (a government's, a committee's, the chair's) as spans of days: the
 * answers asked on `daysToAsk` in order, a row kept while it stays the same (by its
 * key), with `valid_from` its first day and `valid_until` the day after its last.
 */
class Spans {
  private readonly open = new Map<string, { row: Row; json: string; from: IsoDate }>();

  constructor(
    private readonly keyOf: (row: Row) => string,
    private readonly into: Row[],
  ) {}

  /** The rows answered on `day`: every day asked, in order. */
  answer(day: IsoDate, rows: readonly Row[]): void {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = this.keyOf(row);
      seen.add(key);
      const json = JSON.stringify(row);
      const current = this.open.get(key);
      if (current?.json === json) continue;
      if (current) this.close(key, day);
      this.open.set(key, { row, json, from: day });
    }
    for (const key of [...this.open.keys()]) if (!seen.has(key)) this.close(key, day);
  }

  /** Ends every span still open after `last`, the last day answered. */
  end(last: IsoDate): void {
    for (const key of [...this.open.keys()]) this.close(key, addDays(last, 1));
  }

  private close(key: string, until: IsoDate): void {
    const { row, from } = this.open.get(key)!;
    this.into.push({ valid_from: from, valid_until: until, ...row });
    this.open.delete(key);
  }
}

/** Asks `answer` on every one of `days` (all at once, so the loaders batch) and keeps the rows as spans. */
async function spansOver(
  days: readonly IsoDate[],
  last: IsoDate,
  answer: (day: IsoDate) => Promise<Row[][]>,
  tables: Spans[],
): Promise<void> {
  const answers = await Promise.all(days.map(answer));
  days.forEach((day, index) => tables.forEach((table, t) => table.answer(day, answers[index][t])));
  for (const table of tables) table.end(last);
}

/** The answer tables' rows, computed before anything is written. */
interface AnswerRows {
  rights: Row[];
  dues_years: Row[];
  chair: Row[];
  committees: Row[];
}

/**
 * The charter's answers for every day from `first` to `last`, as the graph gives them
 * to the public, in spans: each subject is asked around its change days only
 * (test/charter/change-days.test.ts holds the rules to that). Every subject's records
 * are read at once, so the loaders batch them; then the answers are computed one
 * subject a turn of the event loop, so requests go on meanwhile.
 */
async function answersFrom(uow: UnitOfWork, first: IsoDate, last: IsoDate, horizon: IsoDate): Promise<AnswerRows> {
  const rows: AnswerRows = { rights: [], dues_years: [], chair: [], committees: [] };
  // Past the horizon every reason says so: a change of its own.
  const beyondHorizon = addDays(horizon, 1);
  const all = await governments(uow.em);
  const governmentChanges = await Promise.all(all.map(({ id }) => rightsChangeDaysOf(uow, id, last)));
  for (const [index, { id, slug }] of all.entries()) {
    await nextTurn();
    const days = daysToAsk([...governmentChanges[index], beyondHorizon], first, last);
    const rights = new Spans(() => slug, rows.rights);
    const dues = new Spans((row) => String(row.fiscal_year), rows.dues_years);
    await spansOver(days, last, (day) => governmentOn(uow, id, slug, day), [rights, dues]);
  }
  const chair = new Spans(() => "chair", rows.chair);
  const chairDays = daysToAsk([...(await chairChangeDaysOf(uow)), beyondHorizon], first, last);
  await spansOver(
    chairDays,
    last,
    async (day) => {
      const verdict = await chairOf(uow, day);
      return [[{ government: verdict.government, until: verdict.until, reasons: reasonsMarked(verdict.reasons, day) }]];
    },
    [chair],
  );
  const committees = await uow.em.getRepository(Committee).find({ order: { slug: "ASC" } });
  const committeeChanges = await Promise.all(committees.map((committee) => coordinationChangeDaysOf(uow, committee, last)));
  for (const [index, committee] of committees.entries()) {
    await nextTurn();
    const days = daysToAsk([...committeeChangeDays(committee), ...committeeChanges[index]], first, last);
    const spans = new Spans(() => committee.slug, rows.committees);
    await spansOver(days, last, async (day) => [[await committeeOn(uow, committee, day)]], [spans]);
  }
  return rows;
}

/** A government's rows on `day`: its rights, and its dues year by year. */
async function governmentOn(uow: UnitOfWork, id: number, slug: string, day: IsoDate): Promise<Row[][]> {
  const [voting, election, standing, history] = await Promise.all([
    votingRightsOf(uow, id, day),
    electionRightsOf(uow, id, day),
    duesStandingOf(uow, id, day),
    duesHistoryOf(uow, id, day),
  ]);
  const rights = {
    government: slug,
    membership_kind: voting.membershipKind,
    voting_eligible: voting.eligible,
    election_eligible: election.eligible,
    dues_restricted: voting.membershipKind === "MEMBER" ? standing.restricted : null,
    restricted_since: standing.restrictedSince,
    reasons: reasonsMarked(voting.reasons, day),
  };
  const dues = history.map((year) => ({
    government: slug,
    fiscal_year: year.fiscalYear,
    status: year.status,
    assessed_usd_cents: year.assessedUsdCents,
    waived_usd_cents: year.waivedUsdCents,
    paid_usd_cents: year.paidUsdCents,
    outstanding_usd_cents: year.outstandingUsdCents,
    overdue: year.overdue,
  }));
  return [[rights], dues];
}

/** A committee on a day, as the graph answers: the row of `reporting.committees` and of the committees export. */
export type CommitteeOnDay = {
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
};

/** Every committee on `day`, by slug: its status and coordinators as `Committee.status` and `coordination` answer. */
export async function committeesOn(uow: UnitOfWork, day: IsoDate): Promise<CommitteeOnDay[]> {
  const committees = await uow.em.getRepository(Committee).find({ order: { slug: "ASC" } });
  return Promise.all(committees.map((committee) => committeeOn(uow, committee, day)));
}

async function committeeOn(uow: UnitOfWork, committee: Committee, day: IsoDate): Promise<CommitteeOnDay> {
  const coordination = await coordinationOf(uow, committee, day);
  return {
    committee: committee.slug,
    kind: committee.kind,
    number: committee.number,
    name_en: committee.nameEn,
    status: committeeStatus(committee, day),
    coordinators: coordination.coordinators.filter((c) => c.certainty === "KNOWN").map((c) => c.government),
    coordinators_unknown: coordination.coordinators.filter((c) => c.certainty !== "KNOWN").map((c) => c.government),
    last_activity: coordination.lastActivity,
    active_in_current_term: coordination.activeInCurrentTerm,
  };
}

const TABLES = ["rights", "dues_years", "chair", "committees"] as const;

/** The days the reporting tables answer after a refresh, how many rows hold the answers, and whether this refresh computed them. */
export interface ReportingCoverage {
  first: IsoDate;
  last: IsoDate;
  rows: number;
  recomputed: boolean;
}

/**
 * What a refresh answers: the graph's own calendar on `today` (`calendarFor` with
 * CALENDAR_YEARS_AHEAD), as the rules of `build` give it. Tables already computed by
 * the same build for the same calendar from the same facts are kept as they are; a
 * null build (a run from source, the CLI asked to refresh) always recomputes.
 */
export interface ReportingRequest {
  today: IsoDate;
  yearsAhead: number;
  build: string | null;
}

/**
 * Per database: the refresh running, and the one waiting for it. Refreshes run one
 * after another (a later one, after a write, never has its answers overwritten by an
 * older one), and every request made while one waits joins it: a burst of writes costs
 * two refreshes, not one each.
 */
const queues = new WeakMap<
  object,
  { running: Promise<unknown>; waiting: { request: ReportingRequest; done: Promise<ReportingCoverage> } | null }
>();

/**
 * Recomputes the charter's answers in the reporting tables for every day the graph
 * answers, as it gives them to the public. The answers are computed first, with reads
 * that share the database with every request; then one short transaction replaces the
 * tables' rows (a reader sees the old answers or the new, never half), a few
 * statements whatever the number of governments. On the embedded database only that
 * transaction holds the write gate, so requests wait for milliseconds, not for the
 * computation. Run after every write, once a day, and at start.
 */
export function refreshReporting(em: EntityManager, request: ReportingRequest): Promise<ReportingCoverage> {
  const database = rootOf(em.connection);
  const queue = queues.get(database) ?? { running: Promise.resolve(), waiting: null };
  queues.set(database, queue);
  if (queue.waiting) {
    // Not started yet: it will see this request's write, and answer through the latest day asked.
    if (request.today > queue.waiting.request.today) queue.waiting.request = request;
    return queue.waiting.done;
  }
  const waiting = {
    request,
    done: Promise.resolve<ReportingCoverage>({ first: request.today, last: request.today, rows: 0, recomputed: false }),
  };
  waiting.done = queue.running
    .catch(() => {})
    .then(() => {
      queue.waiting = null;
      return refreshNow(em, waiting.request);
    });
  queue.waiting = waiting;
  queue.running = waiting.done;
  return waiting.done;
}

async function refreshNow(em: EntityManager, { today, yearsAhead, build }: ReportingRequest): Promise<ReportingCoverage> {
  const loaders = new LoaderRegistry({ em, viewer: PUBLIC_VIEWER });
  const { factsCompleteUntil } = await loaders.get(associationRecord).load(1);
  const calendar = calendarFor(factsCompleteUntil, today, yearsAhead);
  // Read before the facts: a write after this point makes the stamp older than the facts, and its own refresh follows.
  const [{ recorded }] = await em.query<{ recorded: string | null }[]>(`SELECT near_last_recorded()::text AS recorded`);
  const [kept] = await em.query<{ rows: number }[]>(
    `SELECT (SELECT count(*) FROM reporting.rights) + (SELECT count(*) FROM reporting.dues_years) + (SELECT count(*) FROM reporting.chair)
            + (SELECT count(*) FROM reporting.committees) AS rows
       FROM reporting.answered
      WHERE first_day = $1 AND last_day = $2 AND facts_recorded_at IS NOT DISTINCT FROM $3::timestamptz AND build = $4`,
    [calendar.first, calendar.last, recorded, build],
  );
  if (kept) return { first: calendar.first, last: calendar.last, rows: Number(kept.rows), recomputed: false };
  const uow: UnitOfWork = { em, loaders, today, calendar, viewer: PUBLIC_VIEWER };
  const answers = await answersFrom(uow, calendar.first, calendar.last, factsCompleteUntil);
  // The refresh's own scope: its statements pass the gate it holds, and no other's do.
  const writer = scopedSource(em.connection, backgroundScope()).manager;
  await writeGateOf(em.connection).exclusive(writer, () =>
    writer.transaction(async (tx) => {
      await tx.query(`DELETE FROM reporting.answered`);
      for (const table of TABLES) {
        await tx.query(`DELETE FROM reporting.${table}`);
        // One statement per table: the rows as JSON, read back into the table's own row type.
        if (answers[table].length > 0)
          await tx.query(`INSERT INTO reporting.${table} SELECT * FROM json_populate_recordset(NULL::reporting.${table}, $1::json)`, [
            JSON.stringify(answers[table]),
          ]);
      }
      await tx.query(
        `INSERT INTO reporting.answered (first_day, last_day, refreshed_at, facts_recorded_at, build) VALUES ($1, $2, now(), $3, $4)`,
        [calendar.first, calendar.last, recorded, build],
      );
    }),
  );
  const rows = TABLES.reduce((n, table) => n + answers[table].length, 0);
  return { first: calendar.first, last: calendar.last, rows, recomputed: true };
}
