import { NEAR_FOUNDED } from "../charter";

/**
 * SQL forms of charter rules, for filters that must run in the database. Each is
 * the charter function it names, written over columns; tests run both on the same
 * rows (see test/graphql/filters-agree.test.ts).
 */

/** A period as SQL expressions over a row: `Period` of charter/calendar.ts, and the floor `heldOn` is given. */
export interface PeriodColumns {
  /** The stored start (the first day it can mean); NULL when the sources do not give it. */
  start: string;
  startPrecision: string | null;
  /** For an unknown start, the first day a source attests the period. */
  attested: string | null;
  /** The last day held (the last it can mean); NULL while it lasts. */
  end: string;
  endPrecision: string | null;
  /** The earliest day the period can have begun. */
  floor: string;
}

/** The founding as an SQL date literal: the floor of every membership. */
const FOUNDED = `DATE '${NEAR_FOUNDED}'`;

function earliestStart(p: PeriodColumns): string {
  return `greatest(coalesce(${p.start}, ${p.floor}), ${p.floor})`;
}

/** `startWindowOf(…).latest`: the last day the start can mean; for an unknown start the attestation (NULL: none). */
function latestStart(p: PeriodColumns): string {
  const last =
    p.startPrecision === null
      ? p.start
      : `CASE ${p.startPrecision}
           WHEN 'YEAR' THEN make_date(extract(year FROM ${p.start})::int, 12, 31)
           WHEN 'SEASON' THEN (date_trunc('month', ${p.start}) + interval '3 months - 1 day')::date
           WHEN 'MONTH' THEN (date_trunc('month', ${p.start}) + interval '1 month - 1 day')::date
           ELSE ${p.start} END`;
  return `CASE WHEN ${p.start} IS NULL THEN ${p.attested ?? "NULL::date"} ELSE greatest(${last}, ${earliestStart(p)}) END`;
}

/** The first day an end stored as the last day of its precision can mean. */
function earliestEnd(p: PeriodColumns): string {
  if (p.endPrecision === null) return p.end;
  return `CASE ${p.endPrecision}
            WHEN 'YEAR' THEN make_date(extract(year FROM ${p.end})::int, 1, 1)
            WHEN 'SEASON' THEN (date_trunc('month', ${p.end}) - interval '2 months')::date
            WHEN 'MONTH' THEN date_trunc('month', ${p.end})::date
            ELSE ${p.end} END`;
}

/**
 * `heldOn(period, day, floor) === "YES"` (charter/calendar.ts) for the day in `day`
 * (a bound parameter such as `:asOf` or a column such as `d.day`): known to hold.
 */
export function heldSql(p: PeriodColumns, day: string): string {
  return `((${latestStart(p)}) <= ${day} AND (${p.end} IS NULL OR (${earliestEnd(p)}) >= ${day}))`;
}

/** `heldOn(period, day, floor) !== "NO"`: known to hold that day, or not known not to (UNKNOWN). */
export function mayBeHeldSql(p: PeriodColumns, day: string): string {
  return `(${earliestStart(p)} <= ${day} AND (${p.end} IS NULL OR ${p.end} >= ${day}))`;
}

/**
 * `appointmentHeldOn` (charter/appointment.ts) over the appointment row `alias`, for the
 * day in `day` (a bound parameter such as `:asOf` or `$1`).
 */
export function appointmentHeldSql(alias: string, day: string): string {
  return `((${alias}.started_on IS NULL OR ${alias}.started_on <= ${day}) AND (${alias}.ended_on >= ${day} OR (${alias}.ended_on IS NULL AND ${alias}.status = 'CURRENT')))`;
}

/** A membership row `alias`: no membership begins before the founding. */
export function membershipPeriod(alias: string): PeriodColumns {
  return {
    start: `${alias}.started_on`,
    startPrecision: `${alias}.start_precision`,
    attested: `${alias}.attested_on`,
    end: `${alias}.ended_on`,
    endPrecision: `${alias}.end_precision`,
    floor: FOUNDED,
  };
}

/** `committeeFloor` of the committee row `committee`: its creation's first possible day, or the founding. */
function committeeFloor(committee: string): string {
  return `greatest(coalesce(${committee}.established_on, ${FOUNDED}), ${FOUNDED})`;
}

/** A coordinator term `alias` of the committee row `committee`: no one coordinates a committee before it exists. */
export function coordinatorTermPeriod(alias: string, committee: string): PeriodColumns {
  return {
    start: `${alias}.started_on`,
    startPrecision: `${alias}.start_precision`,
    attested: `${alias}.attested_on`,
    end: `${alias}.ended_on`,
    endPrecision: `${alias}.end_precision`,
    floor: committeeFloor(committee),
  };
}

/** A committee participation `alias` of the committee row `committee` (the sources date participations to the day). */
export function participationPeriod(alias: string, committee: string): PeriodColumns {
  return {
    start: `${alias}.started_on`,
    startPrecision: null,
    attested: null,
    end: `${alias}.ended_on`,
    endPrecision: null,
    floor: committeeFloor(committee),
  };
}

/** A committee row `alias` as the period it is active: `committeeStatus` of charter/committee.ts. */
export function committeeLife(alias: string): PeriodColumns {
  return {
    start: `${alias}.established_on`,
    startPrecision: `${alias}.established_precision`,
    attested: `${alias}.attested_on`,
    end: `(${alias}.abolished_on - 1)`,
    endPrecision: null,
    floor: FOUNDED,
  };
}
