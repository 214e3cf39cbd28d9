import { addDays, dayOf, yearEnd, yearOf } from "./calendar";
import type { Day } from "./calendar";
import { CharterInputError } from "./errors";
import { INTERPRETATIONS } from "./interpretations";
import { membershipStandingOn, membershipStartWindow, startWindowText } from "./membership";
import type { MembershipPeriod } from "./membership";
import { reason } from "./reasons";
import type { Reason } from "./reasons";

/** Dues Reg. Art. 5: USD 1,000 a member a fiscal year, due by 30 April, paid in the secretariat's currency. */
const DUES = {
  amountUsdCents: 100_000,
  dueMonth: 4,
  dueDay: 30,
  paymentCurrency: "KRW",
  /** Dues Reg., supplementary provision: in force from 1 January 2017. */
  firstFiscalYear: 2017,
  /** The association was founded on 1996-09-12 (Charter, Art. 19): no fiscal year before it. */
  associationFounded: 1996,
} as const;

interface DuesPayment {
  fiscalYear: number;
  /** What the secretariat credited the payment for, in US cents (dues are set in USD, paid in KRW). */
  creditedUsdCents: number;
  paidOn: Day;
}

interface DuesWaiver {
  fiscalYear: number;
  waivedUsdCents: number;
  reason: string;
}

/**
 * What the secretariat recorded of a fiscal year besides booked payments (Dues Reg.
 * Art. 6): paid (the day of payment not recorded), or unpaid when it was recorded.
 */
export const LEDGER_STATUSES = ["PAID", "UNPAID"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export interface DuesLedger {
  /** The fiscal years whose standing the secretariat recorded. A year with no entry and no booked payment is unknown. */
  entries: readonly { fiscalYear: number; status: LedgerStatus }[];
  payments: readonly DuesPayment[];
  waivers: readonly DuesWaiver[];
}

/** The first fiscal year the Dues Regulation assesses (its supplementary provision). */
export const FIRST_FISCAL_YEAR: number = DUES.firstFiscalYear;

export const FISCAL_YEAR_STATUSES = ["NOT_ASSESSED", "UNKNOWN", "NOT_YET_DUE", "PAID", "PARTLY_PAID", "UNPAID"] as const;
export type FiscalYearStatus = (typeof FISCAL_YEAR_STATUSES)[number];

export interface FiscalYearDues {
  fiscalYear: number;
  dueOn: Day;
  /** Null when whether it is assessed is unknown (the government's membership on the due date is). */
  assessed: boolean | null;
  /** Whether the ledger records the year (an entry, or a booked payment): what the status rests on. */
  onLedger: boolean;
  assessedUsdCents: number;
  waivedUsdCents: number;
  paidUsdCents: number;
  /** Null when the ledger does not record the year: the hub cannot say. */
  outstandingUsdCents: number | null;
  overdue: boolean;
  status: FiscalYearStatus;
  reasons: Reason[];
}

function dueDateOf(fiscalYear: number): Day {
  return dayOf(fiscalYear, DUES.dueMonth, DUES.dueDay);
}

/** One formatter for every message: `toLocaleString` with options builds a new one per call (about 100 µs each). */
const USD_AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function usd(cents: number): string {
  return `USD ${USD_AMOUNT.format(cents / 100)}`;
}

function unknownYearReason(fiscalYear: number): Reason {
  return reason(
    "DUES_UNKNOWN",
    INTERPRETATIONS.UNKNOWN_NEVER_RESTRICTS.article,
    () =>
      `The dues ledger records nothing of fiscal year ${fiscalYear} (no status, no payment): whether it is paid is unknown, and ${INTERPRETATIONS.UNKNOWN_NEVER_RESTRICTS.summary}.`,
  );
}

function checkFiscalYear(fiscalYear: number, field: string): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < DUES.associationFounded || fiscalYear > 9999) {
    throw new CharterInputError(
      `${field} must be a year from ${DUES.associationFounded} (the association's founding) on, got ${fiscalYear}`,
      field,
    );
  }
}

/** Whether, and why, fiscal year `fiscalYear` is assessed (Dues Reg. Art. 5). */
function assessment(periods: readonly MembershipPeriod[], fiscalYear: number): { assessed: boolean | null; reasons: Reason[] } {
  const dueOn = dueDateOf(fiscalYear);
  if (fiscalYear < DUES.firstFiscalYear) {
    return {
      assessed: false,
      reasons: [
        reason(
          "DUES_REGULATION_NOT_IN_FORCE",
          "Dues Reg., supplementary provision",
          `The Dues Regulation applies from fiscal year ${DUES.firstFiscalYear}; nothing is assessed for ${fiscalYear}.`,
        ),
      ],
    };
  }
  const yearStart = dayOf(fiscalYear, 1, 1);
  const lastDay = yearEnd(fiscalYear);
  // Admitted that year: a MEMBER start whose every possible day is in it; one whose window reaches into it may have been.
  const admitted = periods.find((p) => {
    const window = membershipStartWindow(p);
    return p.kind === "MEMBER" && window.latest !== null && window.earliest >= yearStart && window.latest <= lastDay;
  });
  const maybeAdmitted = periods.find((p) => {
    const window = membershipStartWindow(p);
    return p.kind === "MEMBER" && window.earliest <= lastDay && (window.latest === null || window.latest >= yearStart);
  });
  if (!admitted && maybeAdmitted) {
    return {
      assessed: null,
      reasons: [
        reason(
          "ADMISSION_UNKNOWN",
          "Dues Reg. Art. 5(2)",
          `Its membership began ${startWindowText(maybeAdmitted)}: whether it was admitted in ${fiscalYear}, and so owes dues for it, is unknown.`,
        ),
      ],
    };
  }
  if (admitted) {
    return {
      assessed: false,
      reasons: [
        reason(
          "ADMITTED_THIS_YEAR",
          "Dues Reg. Art. 5(2)",
          `Admitted as a member in ${fiscalYear} (${admitted.startedOn}): dues are owed from ${fiscalYear + 1}.`,
        ),
      ],
    };
  }
  const { period, held } = membershipStandingOn(periods, dueOn);
  if (period !== null && held === "UNKNOWN") {
    return {
      assessed: null,
      reasons: [
        reason(
          "MEMBERSHIP_UNKNOWN",
          "Dues Reg. Art. 5(1)",
          `Whether it was a member on ${dueOn}, the due date of ${fiscalYear}, is unknown: its membership began ${startWindowText(period)}.`,
        ),
      ],
    };
  }
  if (period === null) {
    return {
      assessed: false,
      reasons: [
        reason("NO_MEMBERSHIP_ON_DUE_DATE", "Dues Reg. Art. 5(1)", `Not a member of NEAR on ${dueOn}, the due date of ${fiscalYear}.`),
      ],
    };
  }
  if (period.kind !== "MEMBER") {
    const article = period.kind === "ASSOCIATE" ? "Dues Reg. Art. 5(1); Charter Art. 4-2" : "Dues Reg. Art. 5(1)";
    return {
      assessed: false,
      reasons: [
        reason(
          `${period.kind}_OWES_NO_DUES`,
          article,
          `An ${period.kind.toLowerCase()} on ${dueOn} owes no dues: Art. 5 assesses member governments only.`,
        ),
      ],
    };
  }
  const reasons = [
    reason(
      "ASSESSED",
      "Dues Reg. Art. 5(1)-(2)",
      () =>
        `${usd(DUES.amountUsdCents)} assessed for ${fiscalYear}, due by ${dueOn} (${INTERPRETATIONS.ASSESSED_IF_MEMBER_ON_DUE_DATE.summary}).`,
    ),
  ];
  return { assessed: true, reasons };
}

/** The dues position of one government for one fiscal year, as known on `asOf` (payments after it do not count). */
export function duesForYear(periods: readonly MembershipPeriod[], ledger: DuesLedger, fiscalYear: number, asOf: Day): FiscalYearDues {
  checkFiscalYear(fiscalYear, "fiscalYear");
  const dueOn = dueDateOf(fiscalYear);
  const { assessed, reasons } = assessment(periods, fiscalYear);
  // Plain loops and one object literal per answer: this runs for every year of every
  // government a list asks about, so no array is filtered and no object spread here.
  let entry: LedgerStatus | null = null;
  for (const recorded of ledger.entries) if (recorded.fiscalYear === fiscalYear) entry = recorded.status;
  // A booked payment (whenever paid) or waiver makes the year one the secretariat keeps: before a payment the year was unpaid.
  let booked = false;
  let paidUsdCents = 0;
  for (const payment of ledger.payments) {
    if (payment.fiscalYear !== fiscalYear) continue;
    booked = true;
    if (payment.paidOn <= asOf) paidUsdCents += payment.creditedUsdCents;
  }

  const assessedUsdCents = assessed ? DUES.amountUsdCents : 0;
  let waivedTotal = 0;
  for (const waiver of ledger.waivers) {
    if (waiver.fiscalYear !== fiscalYear) continue;
    booked = true;
    waivedTotal += waiver.waivedUsdCents;
    reasons.push(reason("DUES_WAIVED", "Dues Reg. Art. 5(3)", () => `${usd(waiver.waivedUsdCents)} waived: ${waiver.reason}.`));
  }
  const waivedUsdCents = Math.min(waivedTotal, assessedUsdCents);
  const onLedger = entry !== null || booked;

  const answer = (outstandingUsdCents: number | null, overdue: boolean, status: FiscalYearStatus): FiscalYearDues => ({
    fiscalYear,
    dueOn,
    assessed,
    onLedger,
    assessedUsdCents,
    waivedUsdCents,
    paidUsdCents,
    outstandingUsdCents,
    overdue,
    status,
    reasons,
  });
  if (assessed === null) return answer(null, false, "UNKNOWN");
  if (!assessed) return answer(0, false, "NOT_ASSESSED");
  if (!onLedger) {
    if (asOf <= dueOn) {
      reasons.push(reason("DUES_NOT_YET_DUE", "Dues Reg. Art. 5(2)", `Due by ${dueOn}: not overdue on ${asOf}.`));
      return answer(null, false, "NOT_YET_DUE");
    }
    reasons.push(unknownYearReason(fiscalYear));
    return answer(null, false, "UNKNOWN");
  }
  if (entry === "PAID" && paidUsdCents === 0) {
    reasons.push(
      reason(
        "DUES_RECORDED_PAID",
        "Dues Reg. Art. 5(2)",
        "Recorded as paid by the secretariat's ledger; the day of payment is not recorded.",
      ),
    );
    return answer(0, false, "PAID");
  }
  const outstandingUsdCents = Math.max(0, assessedUsdCents - waivedUsdCents - paidUsdCents);
  const overdue = outstandingUsdCents > 0 && asOf > dueOn;
  let status: FiscalYearStatus;
  if (outstandingUsdCents === 0) status = "PAID";
  else if (!overdue) status = "NOT_YET_DUE";
  else status = paidUsdCents > 0 ? "PARTLY_PAID" : "UNPAID";
  // Only the returned status's sentence, and only when it is read.
  const summary = (): string => {
    switch (status) {
      case "PAID":
        return `Paid in full by ${asOf}.`;
      case "NOT_YET_DUE":
        return `${usd(outstandingUsdCents)} outstanding, due by ${dueOn}: not overdue on ${asOf}.`;
      case "PARTLY_PAID":
        return `${usd(outstandingUsdCents)} of ${usd(assessedUsdCents - waivedUsdCents)} still unpaid on ${asOf}, overdue since ${addDays(dueOn, 1)}.`;
      default:
        return `Unpaid on ${asOf}, overdue since ${addDays(dueOn, 1)}.`;
    }
  };
  reasons.push(reason(`DUES_${status}`, "Dues Reg. Art. 5(2)", summary));
  return answer(outstandingUsdCents, overdue, status);
}

export interface DuesStanding {
  restricted: boolean;
  /** First day of the current restriction; null when not restricted. */
  restrictedSince: Day | null;
  /** The fiscal year whose payment restored rights despite arrears; null otherwise. */
  restoredInFiscalYear: number | null;
  /** Fiscal years up to `asOf` that the ledger records as overdue and not paid in full. */
  fiscalYearsInArrears: number[];
  /** Assessed fiscal years past their due date up to `asOf` that the ledger records nothing of. */
  fiscalYearsUnknown: number[];
  reasons: Reason[];
}

/** One fiscal year's dues as known on a day, for one government: `duesForYear` with its record bound. */
type DuesOf = (fiscalYear: number, day: Day) => FiscalYearDues;

/** `duesForYear` remembered per year and day for one call of a rule, which asks for the same years many times. */
function memoDues(periods: readonly MembershipPeriod[], ledger: DuesLedger): DuesOf {
  const known = new Map<string, FiscalYearDues>();
  return (fiscalYear, day) => {
    const key = `${fiscalYear}|${day}`;
    let dues = known.get(key);
    if (!dues) {
      dues = duesForYear(periods, ledger, fiscalYear, day);
      known.set(key, dues);
    }
    return dues;
  };
}

/** The two most recent assessed fiscal years whose due date is before `day` (fewer when fewer exist). */
function recentPastDue(duesOf: DuesOf, day: Day): FiscalYearDues[] {
  const pastDue: FiscalYearDues[] = [];
  for (let year = yearOf(day); year >= DUES.firstFiscalYear && pastDue.length < 2; year--) {
    if (dueDateOf(year) >= day) continue;
    const dues = duesOf(year, day);
    if (dues.assessed !== false) pastDue.push(dues);
  }
  return pastDue;
}

/** The two most recent assessed years past their due date on `day`, both known to the ledger as unpaid (Art. 6 as read). */
function arrearsOn(duesOf: DuesOf, day: Day): number[] | null {
  const pastDue = recentPastDue(duesOf, day);
  if (pastDue.length < 2) return null;
  return pastDue.every((dues) => dues.overdue) ? pastDue.map((dues) => dues.fiscalYear).reverse() : null;
}

function paymentInYear(ledger: DuesLedger, day: Day): DuesPayment | null {
  const year = yearOf(day);
  return (
    ledger.payments
      .filter((p) => yearOf(p.paidOn) === year && p.paidOn <= day && p.creditedUsdCents > 0)
      .sort((a, b) => a.paidOn.localeCompare(b.paidOn))[0] ?? null
  );
}

function restrictedOn(duesOf: DuesOf, ledger: DuesLedger, day: Day): boolean {
  return arrearsOn(duesOf, day) !== null && paymentInYear(ledger, day) === null;
}

/**
 * The days on which a government's dues can change, through the day after `until`:
 * 1 January (a new fiscal year, so no payment yet), the day after a due date, payment
 * days and membership changes. Between two of them `duesStanding`, `duesForYear` and
 * `duesHistory` (through the day's year) give the same answers. The day after `until`
 * is kept because the eve of a change is asked too: a due date may be `until` itself.
 */
export function duesChangeDays(periods: readonly MembershipPeriod[], ledger: DuesLedger, until: Day): Day[] {
  const through = addDays(until, 1);
  const days = new Set<Day>();
  for (let year = DUES.firstFiscalYear; year <= yearOf(through); year++) {
    days.add(dayOf(year, 1, 1));
    days.add(addDays(dueDateOf(year), 1));
  }
  for (const payment of ledger.payments) days.add(payment.paidOn);
  for (const period of periods) {
    if (period.startedOn) days.add(period.startedOn);
    if (period.endedOn) days.add(addDays(period.endedOn, 1));
  }
  return [...days].filter((day) => day <= through).sort();
}

/** Whether arrears restrict a government's rights on `asOf` (Dues Reg. Art. 6), since when, and why. */
export function duesStanding(periods: readonly MembershipPeriod[], ledger: DuesLedger, asOf: Day): DuesStanding {
  const duesOf = memoDues(periods, ledger);
  const fiscalYearsInArrears: number[] = [];
  const fiscalYearsUnknown: number[] = [];
  for (let year = DUES.firstFiscalYear; year <= yearOf(asOf); year++) {
    const dues = duesOf(year, asOf);
    if (dues.overdue) fiscalYearsInArrears.push(year);
    else if (dues.status === "UNKNOWN") fiscalYearsUnknown.push(year);
  }
  const arrears = arrearsOn(duesOf, asOf);
  const payment = paymentInYear(ledger, asOf);

  if (arrears !== null && payment === null) {
    let since = asOf;
    for (const day of duesChangeDays(periods, ledger, asOf).reverse()) {
      if (day > since) continue;
      if (restrictedOn(duesOf, ledger, addDays(day, -1))) since = addDays(day, -1);
      else {
        since = day;
        break;
      }
    }
    return {
      restricted: true,
      restrictedSince: since,
      restoredInFiscalYear: null,
      fiscalYearsInArrears,
      fiscalYearsUnknown,
      reasons: [
        reason(
          "DUES_ARREARS",
          "Dues Reg. Art. 6; Charter Art. 7(3), 9(1)",
          `Fiscal years ${arrears.join(" and ")} are unpaid past their due dates and no payment has been received in ${yearOf(asOf)}: rights restricted since ${since} (${INTERPRETATIONS.ARREARS_TWO_MOST_RECENT_YEARS.summary}).`,
        ),
      ],
    };
  }
  if (arrears !== null && payment !== null) {
    return {
      restricted: false,
      restrictedSince: null,
      restoredInFiscalYear: yearOf(asOf),
      fiscalYearsInArrears,
      fiscalYearsUnknown,
      reasons: [
        reason(
          "RIGHTS_RESTORED",
          "Dues Reg. Art. 6",
          `Fiscal years ${arrears.join(" and ")} are unpaid, but a payment received on ${payment.paidOn} restores rights for fiscal year ${yearOf(asOf)} (${INTERPRETATIONS.RESTORED_BY_ANY_PAYMENT_IN_YEAR.summary}).`,
        ),
      ],
    };
  }
  // Not restricted. Say why: the years that decide are paid, or nothing is known of them.
  const unknown = recentPastDue(duesOf, asOf)
    .filter((dues) => dues.status === "UNKNOWN")
    .map((dues) => dues.fiscalYear)
    .reverse();
  if (unknown.length > 0) {
    const years = unknown.length === 1 ? `fiscal year ${unknown[0]}` : `fiscal years ${unknown.join(" and ")}`;
    return {
      restricted: false,
      restrictedSince: null,
      restoredInFiscalYear: null,
      fiscalYearsInArrears,
      fiscalYearsUnknown,
      reasons: [
        reason(
          "DUES_STANDING_UNKNOWN",
          INTERPRETATIONS.UNKNOWN_NEVER_RESTRICTS.article,
          `Nothing is known about the payment of ${years}: the dues ledger records no status and no payment for ${unknown.length === 1 ? "it" : "them"}. Rights are not restricted because ${INTERPRETATIONS.UNKNOWN_NEVER_RESTRICTS.summary}, not because the dues are known to be paid.`,
        ),
      ],
    };
  }
  return {
    restricted: false,
    restrictedSince: null,
    restoredInFiscalYear: null,
    fiscalYearsInArrears,
    fiscalYearsUnknown,
    reasons: [
      reason(
        "DUES_IN_ORDER",
        "Dues Reg. Art. 6",
        "No two most recent assessed fiscal years past their due dates are unpaid, as the dues ledger records them.",
      ),
    ],
  };
}

/** Every fiscal year from the regulation's first (or the year after admission) to `throughYear`, for a history view. */
export function duesHistory(periods: readonly MembershipPeriod[], ledger: DuesLedger, throughYear: number, asOf: Day): FiscalYearDues[] {
  const years: FiscalYearDues[] = [];
  for (let year = DUES.firstFiscalYear; year <= throughYear; year++) {
    const dues = duesForYear(periods, ledger, year, asOf);
    if (dues.assessed !== false || dues.paidUsdCents > 0) years.push(dues);
  }
  return years;
}
