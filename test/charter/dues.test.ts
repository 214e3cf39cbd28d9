import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CharterInputError, duesForYear, duesStanding } from "../../src/charter";
import type { DuesLedger, MembershipPeriod } from "../../src/charter";

const member = (startedOn: string | null, endedOn: string | null = null): MembershipPeriod => ({ kind: "MEMBER", startedOn, endedOn });
/** A ledger recording the fiscal years `knownFrom` to 2030 as unpaid (a booked payment says otherwise); earlier years unknown. */
const ledger = (knownFrom: number | null, payments: [number, string][] = [], waivers: [number, number][] = []): DuesLedger => ({
  entries:
    knownFrom === null
      ? []
      : Array.from({ length: 2031 - knownFrom }, (_, index) => ({ fiscalYear: knownFrom + index, status: "UNPAID" as const })),
  payments: payments.map(([fiscalYear, paidOn]) => ({ fiscalYear, paidOn, creditedUsdCents: 100_000 })),
  waivers: waivers.map(([fiscalYear, waivedUsdCents]) => ({ fiscalYear, waivedUsdCents, reason: "typhoon" })),
});

describe("dues for a fiscal year (Dues Reg. Art. 5)", () => {
  it.each([
    // article, case, periods, ledger, fiscal year, as of, expected status, outstanding
    [
      "Dues Reg. Art. 5(2)",
      "due on 30 April: not overdue that day",
      [member("2000-01-01")],
      ledger(2017),
      2020,
      "2020-04-30",
      "NOT_YET_DUE",
      100_000,
    ],
    ["Dues Reg. Art. 5(2)", "overdue from 1 May", [member("2000-01-01")], ledger(2017), 2020, "2020-05-01", "UNPAID", 100_000],
    [
      "Dues Reg. Art. 5(2)",
      "admitted in 2018: nothing owed for 2018",
      [member("2018-10-01")],
      ledger(2017),
      2018,
      "2018-12-31",
      "NOT_ASSESSED",
      0,
    ],
    [
      "Dues Reg. Art. 5(2)",
      "admitted in 2018: owed from 2019",
      [member("2018-10-01")],
      ledger(2017),
      2019,
      "2019-12-31",
      "UNPAID",
      100_000,
    ],
    [
      "Dues Reg. Art. 5(1)",
      "associate owes nothing",
      [{ kind: "ASSOCIATE", startedOn: "2018-01-01", endedOn: null }],
      ledger(2017),
      2020,
      "2020-12-31",
      "NOT_ASSESSED",
      0,
    ],
    [
      "Dues Reg. Art. 5(1)",
      "observer owes nothing",
      [{ kind: "OBSERVER", startedOn: "2020-04-08", endedOn: null }],
      ledger(2017),
      2021,
      "2021-12-31",
      "NOT_ASSESSED",
      0,
    ],
    [
      "Dues Reg. suppl.",
      "nothing before the regulation's first year, 2017",
      [member("1996-09-12")],
      ledger(2010),
      2016,
      "2016-12-31",
      "NOT_ASSESSED",
      0,
    ],
    [
      "Dues Reg. Art. 6 [interp]",
      "a year the ledger records nothing of is unknown",
      [member("1996-09-12")],
      ledger(2021),
      2020,
      "2020-12-31",
      "UNKNOWN",
      null,
    ],
    ["Dues Reg. Art. 6 [interp]", "no ledger at all: unknown", [member("1996-09-12")], ledger(null), 2020, "2020-12-31", "UNKNOWN", null],
    [
      "Dues Reg. Art. 6 [interp]",
      "a payment booked later makes the year known: unpaid before it",
      [member("1996-09-12")],
      ledger(null, [[2019, "2021-03-02"]]),
      2019,
      "2020-05-01",
      "UNPAID",
      100_000,
    ],
    [
      "Dues Reg. Art. 5(2)",
      "recorded as paid without a booked payment",
      [member("1996-09-12")],
      { entries: [{ fiscalYear: 2020, status: "PAID" }], payments: [], waivers: [] },
      2020,
      "2020-12-31",
      "PAID",
      0,
    ],
    ["Dues Reg. Art. 5(2)", "not yet due, known or not", [member("1996-09-12")], ledger(null), 2020, "2020-04-30", "NOT_YET_DUE", null],
    ["Dues Reg. Art. 5(2)", "paid", [member("1996-09-12")], ledger(2017, [[2020, "2020-03-01"]]), 2020, "2020-12-31", "PAID", 0],
    [
      "Dues Reg. Art. 5(2)",
      "a payment after the day asked about does not count yet",
      [member("1996-09-12")],
      ledger(2017, [[2020, "2020-06-01"]]),
      2020,
      "2020-05-15",
      "UNPAID",
      100_000,
    ],
    ["Dues Reg. Art. 5(3)", "fully waived", [member("1996-09-12")], ledger(2017, [], [[2020, 100_000]]), 2020, "2020-12-31", "PAID", 0],
    [
      "Dues Reg. Art. 5(3)",
      "half waived, half unpaid",
      [member("1996-09-12")],
      ledger(2017, [], [[2020, 50_000]]),
      2020,
      "2020-12-31",
      "UNPAID",
      50_000,
    ],
    [
      "Dues Reg. Art. 5(1)",
      "membership kind changes mid-year: member on 30 April, observer from June",
      [member("1996-09-12", "2020-05-31"), { kind: "OBSERVER", startedOn: "2020-06-01", endedOn: null }],
      ledger(2017),
      2020,
      "2020-12-31",
      "UNPAID",
      100_000,
    ],
    [
      "Dues Reg. Art. 5(1)-(2)",
      "observer turned member in June: admitted that year, nothing owed",
      [{ kind: "OBSERVER", startedOn: "2015-01-01", endedOn: "2020-05-31" }, member("2020-06-01")],
      ledger(2017),
      2020,
      "2020-12-31",
      "NOT_ASSESSED",
      0,
    ],
  ] as const)("%s: %s", (_article, _case, periods, book, fiscalYear, asOf, status, outstanding) => {
    const dues = duesForYear(periods, book, fiscalYear, asOf);
    expect({ status: dues.status, outstanding: dues.outstandingUsdCents }).toEqual({ status, outstanding });
    expect(dues.reasons.length).toBeGreaterThan(0);
    for (const r of dues.reasons) expect(r.article).toMatch(/Art\.|suppl/);
  });

  it("Dues Reg. Art. 5(2): a fiscal year before the association existed is refused, naming the field", () => {
    expect(() => duesForYear([member(null)], ledger(2017), 1995, "2020-01-01")).toThrow(
      new CharterInputError("fiscalYear must be a year from 1996 (the association's founding) on, got 1995", "fiscalYear"),
    );
  });
});

describe("arrears restriction (Dues Reg. Art. 6)", () => {
  const longStanding = [member("1996-09-12")];

  it.each([
    [
      "Dues Reg. Art. 6",
      "two most recent past-due years unpaid: restricted",
      ledger(2017, [
        [2017, "2017-04-01"],
        [2018, "2018-04-01"],
      ]),
      "2020-05-01",
      true,
      "2020-05-01",
      null,
    ],
    [
      "Dues Reg. Art. 6",
      "one day earlier, 2020 is not yet past due: not restricted",
      ledger(2017, [
        [2017, "2017-04-01"],
        [2018, "2018-04-01"],
      ]),
      "2020-04-30",
      false,
      null,
      null,
    ],
    [
      "Dues Reg. Art. 6",
      "a single unpaid year is not enough",
      ledger(2017, [
        [2017, "2017-04-01"],
        [2018, "2018-04-01"],
        [2019, "2019-04-01"],
      ]),
      "2020-12-31",
      false,
      null,
      null,
    ],
    [
      "Dues Reg. Art. 6 [interp]",
      "unpaid years not consecutive (2018, 2020; 2019 paid): not restricted",
      ledger(2017, [
        [2017, "2017-04-01"],
        [2019, "2019-04-01"],
      ]),
      "2020-12-31",
      false,
      null,
      null,
    ],
    [
      "Dues Reg. Art. 6",
      "payment resumed in the fiscal year: restored for that year",
      ledger(2017, [
        [2017, "2017-04-01"],
        [2018, "2018-04-01"],
        [2019, "2021-03-02"],
      ]),
      "2021-06-01",
      false,
      null,
      2021,
    ],
    [
      "Dues Reg. Art. 6",
      "restoration lasts one fiscal year: on 1 January 2022 the arrears restrict again",
      ledger(2017, [
        [2017, "2017-04-01"],
        [2018, "2018-04-01"],
        [2019, "2021-03-02"],
      ]),
      "2022-05-01",
      true,
      "2022-01-01",
      null,
    ],
    [
      "Dues Reg. Art. 6",
      "restricted since the first of January when the year's payment is missing",
      ledger(2017, [
        [2017, "2017-04-01"],
        [2018, "2018-04-01"],
      ]),
      "2021-02-01",
      true,
      "2020-05-01",
      null,
    ],
    ["Dues Reg. Art. 4, 6", "no ledger: never restricted", ledger(null), "2020-12-31", false, null, null],
    ["Dues Reg. Art. 4, 6", "ledger from 2020: 2019 is never counted", ledger(2020), "2020-12-31", false, null, null],
  ] as const)("%s: %s", (_article, _case, book, asOf, restricted, since, restoredIn) => {
    const standing = duesStanding(longStanding, book, asOf);
    expect({ restricted: standing.restricted, since: standing.restrictedSince, restoredIn: standing.restoredInFiscalYear }).toEqual({
      restricted,
      since,
      restoredIn,
    });
  });

  it("Dues Reg. Art. 6: admitted 2018, nothing paid, ledger from 2019: restricted from 1 May 2020 with 2019 and 2020 in arrears", () => {
    const standing = duesStanding([member("2018-10-01")], ledger(2019), "2020-12-31");
    expect(standing).toEqual({
      restricted: true,
      restrictedSince: "2020-05-01",
      restoredInFiscalYear: null,
      fiscalYearsInArrears: [2019, 2020],
      fiscalYearsUnknown: [],
      reasons: [
        {
          code: "DUES_ARREARS",
          article: "Dues Reg. Art. 6; Charter Art. 7(3), 9(1)",
          message:
            "Fiscal years 2019 and 2020 are unpaid past their due dates and no payment has been received in 2020: rights restricted since 2020-05-01 (rights are restricted when the two most recent assessed fiscal years past their due date are both unpaid).",
        },
      ],
    });
  });

  it("property (Dues Reg. Art. 6): with every assessed year paid on time, rights are never restricted", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2017, max: 2030 }), fc.integer({ min: 0, max: 364 }), (year, dayOfYear) => {
        const payments: [number, string][] = [];
        for (let y = 2017; y <= year; y++) payments.push([y, `${y}-01-15`]);
        const asOf = new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
        return !duesStanding(longStanding, ledger(2017, payments), asOf).restricted;
      }),
    );
  });

  it("property (Dues Reg. Art. 6): when restricted, every day from `restrictedSince` to the day asked is restricted too", () => {
    fc.assert(
      fc.property(fc.subarray([2017, 2018, 2019, 2020, 2021]), fc.integer({ min: 0, max: 5 * 365 }), (paidYears, offset) => {
        const book = ledger(
          2017,
          paidYears.map((y) => [y, `${y}-02-01`] as [number, string]),
        );
        const asOf = new Date(Date.UTC(2018, 0, 1 + offset)).toISOString().slice(0, 10);
        const standing = duesStanding(longStanding, book, asOf);
        if (!standing.restricted) return true;
        const since = standing.restrictedSince!;
        const before = new Date(Date.parse(`${since}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        return (
          duesStanding(longStanding, book, since).restricted &&
          (before < "2017-01-01" || !duesStanding(longStanding, book, before).restricted)
        );
      }),
    );
  });
});
