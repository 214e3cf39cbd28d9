import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { electionRights, votingRights } from "../../src/charter";
import type { DuesLedger, MembershipPeriod } from "../../src/charter";

/** A ledger recording the fiscal years `from` to 2030 as unpaid; earlier years are unknown. */
const unpaidFrom = (from: number): DuesLedger["entries"] =>
  Array.from({ length: 2031 - from }, (_, index) => ({ fiscalYear: from + index, status: "UNPAID" as const }));
const noLedger: DuesLedger = { entries: [], payments: [], waivers: [] };
const arrears: DuesLedger = { entries: unpaidFrom(2017), payments: [], waivers: [] };

describe("voting and election rights (Charter Art. 5-2, 7, 9(1); Dues Reg. Art. 6)", () => {
  it.each([
    [
      "Charter Art. 9(1)",
      "a member with no ledger for the years that decide votes, and the reason says nothing is known of its dues",
      [{ kind: "MEMBER", startedOn: "1996-09-12", endedOn: null }],
      noLedger,
      "2020-12-31",
      true,
      ["MEMBER", "DUES_STANDING_UNKNOWN"],
    ],
    [
      "Dues Reg. Art. 6",
      "a member whose two most recent years are on the ledger and paid is in order",
      [{ kind: "MEMBER", startedOn: "1996-09-12", endedOn: null }],
      {
        entries: unpaidFrom(2019),
        payments: [
          { fiscalYear: 2019, creditedUsdCents: 100_000, paidOn: "2019-03-01" },
          { fiscalYear: 2020, creditedUsdCents: 100_000, paidOn: "2020-03-01" },
        ],
        waivers: [],
      },
      "2020-12-31",
      true,
      ["MEMBER", "DUES_IN_ORDER"],
    ],
    [
      "Dues Reg. Art. 6",
      "one of the two deciding years unknown to the ledger: not restricted, and the standing is unknown",
      [{ kind: "MEMBER", startedOn: "1996-09-12", endedOn: null }],
      { entries: unpaidFrom(2020), payments: [], waivers: [] },
      "2020-12-31",
      true,
      ["MEMBER", "DUES_STANDING_UNKNOWN"],
    ],
    [
      "Charter Art. 5-2",
      "an associate never votes",
      [{ kind: "ASSOCIATE", startedOn: "2018-01-01", endedOn: null }],
      noLedger,
      "2020-12-31",
      false,
      ["ASSOCIATE_NO_RIGHT"],
    ],
    [
      "Charter Art. 4",
      "an observer is not a member",
      [{ kind: "OBSERVER", startedOn: "2020-04-08", endedOn: null }],
      noLedger,
      "2020-12-31",
      false,
      ["OBSERVER_NOT_MEMBER"],
    ],
    [
      "Charter Art. 4",
      "before admission there is no membership",
      [{ kind: "MEMBER", startedOn: "2018-10-01", endedOn: null }],
      noLedger,
      "2018-09-30",
      false,
      ["NO_MEMBERSHIP"],
    ],
    [
      "Charter Art. 4",
      "admitted that day",
      [{ kind: "MEMBER", startedOn: "2018-10-01", endedOn: null }],
      noLedger,
      "2018-10-01",
      true,
      ["MEMBER", "DUES_IN_ORDER"],
    ],
    [
      "Dues Reg. Art. 6",
      "two unpaid past-due years restrict the vote",
      [{ kind: "MEMBER", startedOn: "1996-09-12", endedOn: null }],
      arrears,
      "2018-05-01",
      false,
      ["MEMBER", "DUES_ARREARS"],
    ],
    [
      "Charter Art. 4",
      "membership ended",
      [{ kind: "MEMBER", startedOn: "1996-09-12", endedOn: "2019-12-31" }],
      noLedger,
      "2020-01-01",
      false,
      ["NO_MEMBERSHIP"],
    ],
  ] as const)("%s: %s", (_article, _case, periods, ledger, day, eligible, codes) => {
    for (const rights of [votingRights, electionRights]) {
      const verdict = rights(periods, ledger, day);
      expect({ eligible: verdict.eligible, codes: verdict.reasons.map((r) => r.code) }).toEqual({ eligible, codes });
    }
  });

  it("cites Art. 9(1) for voting and Art. 7(3) for election rights when arrears restrict them", () => {
    const periods: MembershipPeriod[] = [{ kind: "MEMBER", startedOn: "1996-09-12", endedOn: null }];
    expect(votingRights(periods, arrears, "2018-05-01").reasons[1].article).toBe("Dues Reg. Art. 6; Charter Art. 9(1)");
    expect(electionRights(periods, arrears, "2018-05-01").reasons[1].article).toBe("Dues Reg. Art. 6; Charter Art. 7(3)");
  });

  it("property (Charter Art. 5-2): an associate never votes and is never elected, whatever the date and ledger", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.option(fc.integer({ min: 2017, max: 2030 }), { nil: null }),
        (offset, knownFrom) => {
          const day = new Date(Date.UTC(1996, 0, 1 + offset)).toISOString().slice(0, 10);
          const periods: MembershipPeriod[] = [{ kind: "ASSOCIATE", startedOn: "1996-01-01", endedOn: null }];
          const ledger: DuesLedger = { entries: knownFrom === null ? [] : unpaidFrom(knownFrom), payments: [], waivers: [] };
          return !votingRights(periods, ledger, day).eligible && !electionRights(periods, ledger, day).eligible;
        },
      ),
    );
  });
});
