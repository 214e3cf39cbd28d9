import type { EntityManager } from "typeorm";
import { committeeStatus } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { LoaderRegistry } from "../../core/loaders";
import { PUBLIC_VIEWER } from "../../core/viewer";
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

async function refreshDay(uow: UnitOfWork, day: IsoDate, all: readonly { id: number; slug: string }[]): Promise<void> {
  const { em } = uow;
  for (const table of ["rights", "dues_years", "chair", "committees"])
    await em.query(`DELETE FROM reporting.${table} WHERE day = $1`, [day]);
  for (const { id, slug } of all) {
    const [voting, election, standing, history] = await Promise.all([
      votingRightsOf(uow, id, day),
      electionRightsOf(uow, id, day),
      duesStandingOf(uow, id, day),
      duesHistoryOf(uow, id, day),
    ]);
    await em.query(
      `INSERT INTO reporting.rights (day, government, membership_kind, voting_eligible, election_eligible, dues_restricted, restricted_since, reasons)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        day,
        slug,
        voting.membershipKind,
        voting.eligible,
        election.eligible,
        voting.membershipKind === "MEMBER" ? standing.restricted : null,
        standing.restrictedSince,
        JSON.stringify(voting.reasons),
      ],
    );
    for (const dues of history) {
      await em.query(
        `INSERT INTO reporting.dues_years (day, government, fiscal_year, status, assessed_usd_cents, waived_usd_cents, paid_usd_cents, outstanding_usd_cents, overdue)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          day,
          slug,
          dues.fiscalYear,
          dues.status,
          dues.assessedUsdCents,
          dues.waivedUsdCents,
          dues.paidUsdCents,
          dues.outstandingUsdCents,
          dues.overdue,
        ],
      );
    }
  }
  const chair = await chairOf(uow, day);
  await em.query(`INSERT INTO reporting.chair (day, government, until, reasons) VALUES ($1, $2, $3, $4)`, [
    day,
    chair.government,
    chair.until,
    JSON.stringify(chair.reasons),
  ]);
  const committees = await em.getRepository(Committee).find({ order: { slug: "ASC" } });
  for (const committee of committees) {
    const coordination = await coordinationOf(uow, committee, day);
    await em.query(
      `INSERT INTO reporting.committees (day, committee, status, coordinators, last_activity, active_in_current_term) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        day,
        committee.slug,
        committeeStatus(committee, day),
        coordination.coordinators.map((c) => c.government),
        coordination.lastActivity,
        coordination.activeInCurrentTerm,
      ],
    );
  }
}

/**
 * Recomputes the charter's answers in the reporting tables for every day asked, in
 * one transaction (a reader sees the old answers or the new, never half), as the
 * graph gives them to the public. Run after every write, once a day, and at start.
 */
export async function refreshReporting(em: EntityManager, today: IsoDate): Promise<IsoDate[]> {
  return writeGateOf(em.connection).exclusive(() =>
    em.transaction(async (tx) => {
      const days = await daysToRefresh(tx, today);
      const all = await governments(tx);
      for (const day of days) {
        const uow: UnitOfWork = {
          em: tx,
          loaders: new LoaderRegistry({ em: tx, viewer: PUBLIC_VIEWER }),
          today: day,
          viewer: PUBLIC_VIEWER,
        };
        await refreshDay(uow, day, all);
      }
      await tx.query(`UPDATE reporting.days SET refreshed_at = now()`);
      return days;
    }),
  );
}

/** Adds a day to the ones the reporting tables answer for (filled on the next refresh). */
export async function addReportingDay(em: EntityManager, day: IsoDate): Promise<void> {
  await em.query(`INSERT INTO reporting.days (day) VALUES ($1) ON CONFLICT (day) DO NOTHING`, [day]);
}
