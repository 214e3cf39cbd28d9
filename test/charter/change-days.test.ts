import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  chairChangeDays,
  chairOn,
  committeeChangeDays,
  committeeStatus,
  coordination,
  coordinationChangeDays,
  daysToAsk,
  duesHistory,
  electionRights,
  rightsChangeDays,
  votingRights,
  yearOf,
} from "../../src/charter";
import type { AssemblySitting, ChairExtension, DuesLedger, MembershipPeriod } from "../../src/charter";

/**
 * The reporting tables answer any day from spans (src/modules/reporting): each rule is
 * asked around its change days, and its answer is taken to hold
 * until the next. That is right only if, wherever a rule's answer differs from the
 * day before, that day is one of those asked (`daysToAsk`). Asked here on every day
 * of seven years, for generated records. Messages name the day asked; the spans write
 * it as {day}, and so does this comparison.
 */
const FIRST = "2015-01-01";
const LAST = "2021-12-31";
const DAYS: string[] = [];
for (let day = FIRST; day <= LAST; day = addDays(day, 1)) DAYS.push(day);

function withDayMarked(answer: unknown, day: string): string {
  return JSON.stringify(answer, (key, value) => (key === "message" && typeof value === "string" ? value.replaceAll(day, "{day}") : value));
}

/** The days where `answer` differs from the day before and that are not among the days to ask it on. */
function unannouncedChanges(answer: (day: string) => unknown, changeDays: readonly string[]): string[] {
  const announced = new Set(daysToAsk(changeDays, FIRST, LAST));
  const missed: string[] = [];
  let before = withDayMarked(answer(DAYS[0]), DAYS[0]);
  for (const day of DAYS.slice(1)) {
    const now = withDayMarked(answer(day), day);
    if (now !== before && !announced.has(day)) missed.push(day);
    before = now;
  }
  return missed;
}

const dayIn = (from: string, to: string) =>
  fc.integer({ min: 0, max: (Date.parse(to) - Date.parse(from)) / 86_400_000 }).map((offset) => addDays(from, offset));
const precision = fc.constantFrom(null, "DAY" as const, "MONTH" as const, "SEASON" as const, "YEAR" as const);
/** A start the sources give (to some precision) or leave unknown (then perhaps attested later), and perhaps an end. */
const period = fc.record({
  startedOn: fc.option(dayIn("2014-01-01", "2021-06-30"), { nil: null }),
  startPrecision: precision,
  attestedOn: fc.option(dayIn("2016-01-01", "2021-06-30"), { nil: null }),
  endedOn: fc.option(dayIn("2016-01-01", "2021-12-31"), { nil: null }),
  endPrecision: precision,
});
const wellOrdered = <P extends { startedOn: string | null; endedOn: string | null }>(p: P): P =>
  p.startedOn !== null && p.endedOn !== null && p.endedOn < p.startedOn ? { ...p, endedOn: null } : p;

const ledger: fc.Arbitrary<DuesLedger> = fc.record({
  entries: fc.array(
    fc.record({ fiscalYear: fc.integer({ min: 2017, max: 2021 }), status: fc.constantFrom("PAID" as const, "UNPAID" as const) }),
    { maxLength: 5 },
  ),
  payments: fc.array(
    fc.record({
      fiscalYear: fc.integer({ min: 2017, max: 2021 }),
      creditedUsdCents: fc.constantFrom(50_000, 100_000),
      paidOn: dayIn("2017-01-01", "2021-12-31"),
    }),
    { maxLength: 4 },
  ),
  waivers: fc.array(
    fc.record({
      fiscalYear: fc.integer({ min: 2017, max: 2021 }),
      waivedUsdCents: fc.constantFrom(50_000, 100_000),
      reason: fc.constant("typhoon"),
    }),
    { maxLength: 1 },
  ),
});
const memberships = fc
  .array(fc.tuple(period, fc.constantFrom("MEMBER" as const, "ASSOCIATE" as const, "OBSERVER" as const)), { minLength: 1, maxLength: 2 })
  .map((pairs) => pairs.map(([p, kind]): MembershipPeriod => ({ ...wellOrdered(p), kind })));

describe("change days: between two of them a rule gives the same answer", () => {
  it("Charter Art. 7, 9(1); Dues Reg. Art. 5-6: voting and election rights, dues standing and history", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(memberships, ledger, (periods, record) => {
        const changes = rightsChangeDays(periods, record, LAST);
        const answer = (day: string) => [
          votingRights(periods, record, day),
          electionRights(periods, record, day),
          duesHistory(periods, record, yearOf(day), day),
        ];
        expect(unannouncedChanges(answer, changes)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("Charter Art. 7(1): the chair, through postponements and extensions", { timeout: 60_000 }, () => {
    const sitting = fc
      .tuple(
        dayIn("2015-06-01", "2021-06-01"),
        fc.integer({ min: 0, max: 20 }),
        fc.option(dayIn("2015-01-01", "2021-06-01"), { nil: null }),
      )
      .map(
        ([startsOn, length, postponedOn]): Omit<AssemblySitting, "number" | "host"> => ({
          startsOn,
          endsOn: addDays(startsOn, length),
          postponedOn,
        }),
      );
    const extension = fc.tuple(dayIn("2015-01-01", "2021-06-01"), fc.option(fc.integer({ min: 0, max: 700 }), { nil: null })).map(
      ([from, length]): ChairExtension => ({
        government: "extended",
        from,
        until: length === null ? null : addDays(from, length),
        decision: "d",
      }),
    );
    fc.assert(
      fc.property(fc.array(sitting, { maxLength: 4 }), fc.array(extension, { maxLength: 2 }), (dated, extensions) => {
        const sittings = dated.map((s, index): AssemblySitting => ({ ...s, number: index + 10, host: `host-${index}` }));
        expect(unannouncedChanges((day) => chairOn(sittings, extensions, day), chairChangeDays(sittings, extensions))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("Committee Reg. Art. 3, 5: a committee's status and its coordination", { timeout: 60_000 }, () => {
    const committee = fc.record({
      establishedOn: fc.option(dayIn("2014-01-01", "2020-01-01"), { nil: null }),
      establishedPrecision: precision,
      attestedOn: fc.option(dayIn("2015-01-01", "2020-06-01"), { nil: null }),
      abolishedOn: fc.option(dayIn("2018-01-01", "2021-12-31"), { nil: null }),
    });
    const spells = fc.array(
      period.map((p) => ({ ...wellOrdered(p), government: "g" })),
      { maxLength: 2 },
    );
    fc.assert(
      fc.property(
        committee,
        spells,
        fc.array(dayIn("2014-01-01", "2021-12-31"), { maxLength: 4 }),
        fc.option(dayIn("2014-01-01", "2020-01-01"), { nil: null }),
        (life, spellsOf, activities, activityRecordsFrom) => {
          expect(unannouncedChanges((day) => committeeStatus(life, day), committeeChangeDays(life))).toEqual([]);
          const input = { spells: spellsOf, activities, activityRecordsFrom, floor: "1996-09-12" };
          expect(unannouncedChanges((day) => coordination({ ...input, asOf: day }), coordinationChangeDays(input, LAST))).toEqual([]);
        },
      ),
      {
        numRuns: 25,
        // Found by a CI run: a term ending on the last day asked, whose next term begins after it.
        examples: [
          [
            { establishedOn: null, establishedPrecision: null, attestedOn: null, abolishedOn: null },
            [{ startedOn: "2014-01-01", startPrecision: null, attestedOn: null, endedOn: null, endPrecision: null, government: "g" }],
            [],
            null,
          ],
        ],
      },
    );
  });
});
