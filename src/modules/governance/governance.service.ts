import type DataLoader from "dataloader";
import { CharterInputError, votingRights } from "../../charter";
import type { DuesLedger, MembershipPeriod, Reason } from "../../charter";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { InputError } from "../../core/errors";
import { createLoader } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { associationRecord } from "../association";
import { duesPaymentsByGovernment, duesWaiversByGovernment } from "../dues";
import { MembershipKind, membershipsByGovernment } from "../membership";
import type { Membership } from "../membership";
import { ReasonType } from "./governance.types";

/** The charter's view of membership periods. */
export function toPeriods(memberships: readonly Membership[]): MembershipPeriod[] {
  return memberships.map((m) => ({ kind: m.kind, startedOn: m.startedOn, endedOn: m.endedOn }));
}

export interface CharterRecord {
  periods: MembershipPeriod[];
  ledger: DuesLedger;
}

/** Everything the charter needs about one government, through the request's loaders (batched across governments). */
export async function charterRecordOf(ctx: RequestContext, governmentId: number): Promise<CharterRecord> {
  const [association, memberships, payments, waivers] = await Promise.all([
    ctx.loaders.get(associationRecord).load(1),
    ctx.loaders.get(membershipsByGovernment).load(governmentId),
    ctx.loaders.get(duesPaymentsByGovernment).load(governmentId),
    ctx.loaders.get(duesWaiversByGovernment).load(governmentId),
  ]);
  return {
    periods: toPeriods(memberships),
    ledger: {
      coveredFrom: association.duesLedgerFrom,
      payments: payments.map((p) => ({ fiscalYear: p.fiscalYear, creditedUsdCents: p.creditedUsdCents, paidOn: p.paidOn })),
      waivers: waivers.map((w) => ({ fiscalYear: w.fiscalYear, waivedUsdCents: w.waivedUsdCents, reason: w.reason })),
    },
  };
}

/** Governments holding a MEMBER membership on each day asked, in one statement for all the days. */
export function memberIdsOn({ em }: LoaderScope): DataLoader<IsoDate, number[]> {
  return createLoader(async (days) => {
    const rows: { day: string; government_id: number }[] = await em.query(
      `SELECT d.day::text AS day, m.government_id
       FROM unnest($1::date[]) AS d(day)
       JOIN membership m ON m.kind = $2 AND (m.started_on IS NULL OR m.started_on <= d.day) AND (m.ended_on IS NULL OR m.ended_on >= d.day)
       ORDER BY d.day, m.government_id`,
      [[...days], MembershipKind.MEMBER],
    );
    return days.map((day) => [...new Set(rows.filter((row) => row.day === day).map((row) => Number(row.government_id)))]);
  });
}

/** The governments with voting rights on `day` (Charter Art. 9(1); Dues Reg. Art. 6), by id. */
export async function votingMemberIdsOn(ctx: RequestContext, day: IsoDate): Promise<number[]> {
  const members = await ctx.loaders.get(memberIdsOn).load(day);
  const records = await Promise.all(members.map((id) => charterRecordOf(ctx, id)));
  return members.filter((_, index) => votingRights(records[index].periods, records[index].ledger, day).eligible);
}

export function toReasons(reasons: readonly Reason[]): ReasonType[] {
  return reasons.map((r) => Object.assign(new ReasonType(), r));
}

/**
 * The reasons of an answer for `day`, and, when `day` lies past the facts horizon, one
 * more saying the answer comes from records that stop there (DESIGN: "answers from
 * what is known and says so"). The association row is already loaded: no extra statement.
 */
export async function reasonsOn(ctx: RequestContext, day: IsoDate, reasons: readonly Reason[]): Promise<ReasonType[]> {
  const { factsCompleteUntil } = await ctx.loaders.get(associationRecord).load(1);
  if (day <= factsCompleteUntil) return toReasons(reasons);
  return toReasons([
    ...reasons,
    {
      code: "BEYOND_FACTS_HORIZON",
      article: "about.factsCompleteUntil",
      message: `${day} is after ${factsCompleteUntil}, where the hub's records end: this answer uses what was known then and misses any later change.`,
    },
  ]);
}

/** Runs a charter rule, turning its input errors into BAD_USER_INPUT naming the argument. */
export function applyRule<T>(rule: () => T, argumentPrefix = ""): T {
  try {
    return rule();
  } catch (error) {
    // The rules' messages begin with the field's name, so the prefix reads as its path.
    if (error instanceof CharterInputError) throw new InputError(`${argumentPrefix}${error.message}`, `${argumentPrefix}${error.field}`);
    throw error;
  }
}
