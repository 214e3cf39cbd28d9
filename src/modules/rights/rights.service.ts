import {
  FIRST_FISCAL_YEAR,
  duesForYear,
  duesHistory,
  duesStanding,
  electionRights,
  rightsChangeDays,
  votingRights,
  yearEnd,
  yearOf,
} from "../../charter";
import type { DuesLedger, DuesStanding, FiscalYearDues, MembershipPeriod, RightsVerdict } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { paginateList } from "../../core/pagination";
import type { ConnectionValue, Ordering, PageArgs } from "../../core/pagination";
import { filterYielding } from "../../core/loaders";
import { applyRule } from "../../core/reasons";
import { InputError } from "../../core/errors";
import { yearsInCalendar } from "../../core/inputs";
import { reasonsOn } from "../association";
import { duesLedgerEntriesByGovernment, duesPaymentsByGovernment, duesWaiversByGovernment } from "../dues";
import { Government, governmentById } from "../government";
import { memberIdsOn, membershipPeriodOf, membershipsByGovernment } from "../membership";
import { DuesStandingType, FiscalYearDuesType, RestrictedMemberType, RightsVerdictType } from "./rights.types";

/** Everything the charter needs about one government's rights and dues. */
interface CharterRecord {
  periods: MembershipPeriod[];
  ledger: DuesLedger;
}

/** One government's charter record, through the request's loaders (batched across governments). */
async function charterRecordOf(uow: UnitOfWork, governmentId: number): Promise<CharterRecord> {
  const [memberships, entries, payments, waivers] = await Promise.all([
    uow.loaders.get(membershipsByGovernment).load(governmentId),
    uow.loaders.get(duesLedgerEntriesByGovernment).load(governmentId),
    uow.loaders.get(duesPaymentsByGovernment).load(governmentId),
    uow.loaders.get(duesWaiversByGovernment).load(governmentId),
  ]);
  return {
    periods: memberships.map(membershipPeriodOf),
    ledger: {
      entries: entries.map((e) => ({ fiscalYear: e.fiscalYear, status: e.status })),
      payments: payments.map((p) => ({ fiscalYear: p.fiscalYear, creditedUsdCents: p.creditedUsdCents, paidOn: p.paidOn })),
      waivers: waivers.map((w) => ({ fiscalYear: w.fiscalYear, waivedUsdCents: w.waivedUsdCents, reason: w.reason })),
    },
  };
}

async function toVerdict(uow: UnitOfWork, verdict: RightsVerdict, day: IsoDate): Promise<RightsVerdictType> {
  return Object.assign(new RightsVerdictType(), {
    eligible: verdict.eligible,
    certainty: verdict.eligible === null ? "UNKNOWN" : "KNOWN",
    asOf: day,
    membershipKind: verdict.membershipKind,
    reasons: await reasonsOn(uow, day, verdict.reasons),
  });
}

async function toDues(uow: UnitOfWork, dues: FiscalYearDues, day: IsoDate): Promise<FiscalYearDuesType> {
  return Object.assign(new FiscalYearDuesType(), { ...dues, asOf: day, reasons: await reasonsOn(uow, day, dues.reasons) });
}

async function toStanding(uow: UnitOfWork, standing: DuesStanding, day: IsoDate): Promise<DuesStandingType> {
  return Object.assign(new DuesStandingType(), { ...standing, asOf: day, reasons: await reasonsOn(uow, day, standing.reasons) });
}

/** Charter Art. 9(1), 5-2; Dues Reg. Art. 6. */
export async function votingRightsOf(uow: UnitOfWork, governmentId: number, day: IsoDate): Promise<RightsVerdictType> {
  const { periods, ledger } = await charterRecordOf(uow, governmentId);
  return toVerdict(uow, votingRights(periods, ledger, day), day);
}

/** Charter Art. 7(1)-(3), 5-2. */
export async function electionRightsOf(uow: UnitOfWork, governmentId: number, day: IsoDate): Promise<RightsVerdictType> {
  const { periods, ledger } = await charterRecordOf(uow, governmentId);
  return toVerdict(uow, electionRights(periods, ledger, day), day);
}

/** Dues Reg. Art. 5, for one fiscal year; a year the charter cannot judge is BAD_USER_INPUT on `fiscalYear`. */
export async function duesOf(uow: UnitOfWork, governmentId: number, fiscalYear: number, day: IsoDate): Promise<FiscalYearDuesType> {
  const { periods, ledger } = await charterRecordOf(uow, governmentId);
  return toDues(
    uow,
    applyRule(() => duesForYear(periods, ledger, fiscalYear, day)),
    day,
  );
}

/** Every fiscal year assessed (or paid) up to `day`'s. */
export async function duesHistoryOf(uow: UnitOfWork, governmentId: number, day: IsoDate): Promise<FiscalYearDuesType[]> {
  const { periods, ledger } = await charterRecordOf(uow, governmentId);
  return Promise.all(duesHistory(periods, ledger, yearOf(day), day).map((dues) => toDues(uow, dues, day)));
}

/** Dues Reg. Art. 6. */
export async function duesStandingOf(uow: UnitOfWork, governmentId: number, day: IsoDate): Promise<DuesStandingType> {
  const { periods, ledger } = await charterRecordOf(uow, governmentId);
  return toStanding(uow, duesStanding(periods, ledger, day), day);
}

/** The days up to `until` on which the government's rights and dues can change (`rightsChangeDays`). */
export async function rightsChangeDaysOf(uow: UnitOfWork, governmentId: number, until: IsoDate): Promise<IsoDate[]> {
  const { periods, ledger } = await charterRecordOf(uow, governmentId);
  return rightsChangeDays(periods, ledger, until);
}

/** The governments with voting rights on `day` (Charter Art. 9(1); Dues Reg. Art. 6), by id. */
export function votingMemberIdsOn(uow: UnitOfWork, day: IsoDate): Promise<number[]> {
  return uow.loaders.memo(`votingMemberIdsOn:${day}`, async () => {
    const members = await uow.loaders.get(memberIdsOn).load(day);
    const records = await Promise.all(members.map((id) => charterRecordOf(uow, id)));
    return filterYielding(members, (_, index) => votingRights(records[index].periods, records[index].ledger, day).eligible === true);
  });
}

const BY_SLUG: Ordering<Government> = { name: "SLUG", descending: false, keys: [{ sql: "slug", value: (g) => g.slug }] };

/** A page of the governments with voting rights on `day`, by slug. */
export async function votingMembersOn(uow: UnitOfWork, day: IsoDate, page: PageArgs): Promise<ConnectionValue<Government>> {
  const ids = await votingMemberIdsOn(uow, day);
  const governments = await uow.loaders.get(governmentById).loadMany(ids);
  return paginateList(
    governments.filter((g): g is Government => g instanceof Government),
    BY_SLUG,
    page,
  );
}

/** Members whose rights arrears restrict on `day`, with their standing. */
export async function restrictedMembersOn(uow: UnitOfWork, day: IsoDate): Promise<RestrictedMemberType[]> {
  const members = await uow.loaders.get(memberIdsOn).load(day);
  const records = await Promise.all(members.map((id) => charterRecordOf(uow, id)));
  const standings = new Map<number, DuesStanding>();
  const restrictedIds = await filterYielding(members, (governmentId, index) => {
    const standing = duesStanding(records[index].periods, records[index].ledger, day);
    standings.set(governmentId, standing);
    return standing.restricted;
  });
  const restricted = restrictedIds.map((governmentId) => ({ governmentId, standing: standings.get(governmentId)! }));
  return Promise.all(
    restricted.map(async ({ governmentId, standing }) =>
      Object.assign(new RestrictedMemberType(), { governmentId, standing: await toStanding(uow, standing, day) }),
    ),
  );
}

export interface DuesYearTotals {
  fiscalYear: number;
  onLedger: boolean;
  membersAssessed: number;
  membersUnknown: number;
  assessedUsdCents: number;
  paidUsdCents: number;
  outstandingUsdCents: number | null;
  collectionRate: number | null;
  membersRestricted: number;
}

/**
 * Dues collection per fiscal year, `from` to `to`, across every government with a
 * membership: the charter's own reading of each government's ledger (assessment,
 * waivers, payments known on `asOf`), summed; restricted members counted on each
 * year's last day (or `asOf` in its year). The sums are of the rule's answers, so no
 * SQL re-implements the Dues Regulation.
 */
export async function duesByYear(uow: UnitOfWork, from: number, to: number, asOf: IsoDate): Promise<DuesYearTotals[]> {
  yearsInCalendar(uow.calendar, from, to);
  if (from < FIRST_FISCAL_YEAR) {
    throw new InputError(`from must be a fiscal year from ${FIRST_FISCAL_YEAR} (the Dues Regulation's first), got ${from}`, "from");
  }
  const ids: { id: number }[] = await uow.em.query(`SELECT DISTINCT government_id AS id FROM membership ORDER BY 1`);
  const records = await Promise.all(ids.map(({ id }) => charterRecordOf(uow, id)));
  const years: DuesYearTotals[] = [];
  for (let fiscalYear = from; fiscalYear <= to; fiscalYear++) {
    const lastDay = yearEnd(fiscalYear) < asOf ? yearEnd(fiscalYear) : asOf;
    let membersAssessed = 0;
    let membersUnknown = 0;
    let assessed = 0;
    let paid = 0;
    let outstanding = 0;
    let onLedger = true;
    let membersRestricted = 0;
    for (const { periods, ledger } of records) {
      const dues = applyRule(() => duesForYear(periods, ledger, fiscalYear, asOf));
      if (dues.assessed === null) {
        // Whether it owes the year at all is unknown (its membership then is).
        onLedger = false;
        membersUnknown++;
      } else if (dues.assessed) {
        membersAssessed++;
        assessed += dues.assessedUsdCents - dues.waivedUsdCents;
        paid += dues.paidUsdCents;
        if (dues.outstandingUsdCents === null) {
          onLedger = false;
          if (dues.status === "UNKNOWN") membersUnknown++;
        } else outstanding += dues.outstandingUsdCents;
      }
      if (yearOf(lastDay) === fiscalYear && duesStanding(periods, ledger, lastDay).restricted) membersRestricted++;
    }
    const known = onLedger && membersAssessed > 0;
    years.push({
      fiscalYear,
      onLedger,
      membersAssessed,
      membersUnknown,
      assessedUsdCents: assessed,
      paidUsdCents: paid,
      outstandingUsdCents: onLedger ? outstanding : null,
      collectionRate: known && assessed > 0 ? paid / assessed : null,
      membersRestricted,
    });
  }
  return years;
}
