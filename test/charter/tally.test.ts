import { describe, expect, it } from "vitest";
import { committeeStatus, countTally, membershipOn, membershipStandingOn } from "../../src/charter";
import type { MembershipPeriod, Tally, VoteChoice } from "../../src/charter";

describe("countTally (Charter Art. 9(1)-(2): only governments with voting rights count)", () => {
  const voting = new Set(["a", "b", "c", "d"]);
  const votes = (...pairs: [string, VoteChoice][]) => pairs.map(([government, choice]) => ({ government, choice }));

  it.each<[string, string[], { government: string; choice: VoteChoice }[], Tally]>([
    [
      "Art. 9(2): everyone present and voting",
      ["a", "b", "c", "d"],
      votes(["a", "FOR"], ["b", "FOR"], ["c", "AGAINST"], ["d", "ABSTAIN"]),
      { votingMembers: 4, present: 4, votesFor: 2, votesAgainst: 1, abstentions: 1, source: "PER_GOVERNMENT" },
    ],
    [
      "Art. 9(1): a government without voting rights is neither present nor voting in the count",
      ["a", "x"],
      votes(["a", "FOR"], ["x", "FOR"]),
      { votingMembers: 4, present: 1, votesFor: 1, votesAgainst: 0, abstentions: 0, source: "PER_GOVERNMENT" },
    ],
    [
      "Art. 9(2): nobody present",
      [],
      [],
      { votingMembers: 4, present: 0, votesFor: 0, votesAgainst: 0, abstentions: 0, source: "PER_GOVERNMENT" },
    ],
  ])("%s", (_case, present, cast, expected) => {
    expect(countTally(voting, present, cast)).toEqual(expected);
  });
});

describe("committeeStatus (Committee Reg.: establishment and abolition)", () => {
  it.each([
    ["before establishment", { establishedOn: "2010-10-28", abolishedOn: null }, "2010-10-27", "NOT_YET_ESTABLISHED"],
    ["on its establishment day", { establishedOn: "2010-10-28", abolishedOn: null }, "2010-10-28", "ACTIVE"],
    [
      "unknown establishment, before the first source: unknown",
      { establishedOn: null, abolishedOn: null, attestedOn: "2014-10-22" },
      "2000-01-01",
      "UNKNOWN",
    ],
    [
      "unknown establishment, once a source attests it: active",
      { establishedOn: null, abolishedOn: null, attestedOn: "2014-10-22" },
      "2014-10-22",
      "ACTIVE",
    ],
    ["unknown establishment, no source: never known", { establishedOn: null, abolishedOn: null }, "2020-12-31", "UNKNOWN"],
    [
      "established in a year known to the year: unknown during it",
      { establishedOn: "2004-01-01", establishedPrecision: "YEAR", abolishedOn: null },
      "2004-06-30",
      "UNKNOWN",
    ],
    [
      "established in a year known to the year: active after it",
      { establishedOn: "2004-01-01", establishedPrecision: "YEAR", abolishedOn: null },
      "2005-01-01",
      "ACTIVE",
    ],
    [
      "established in a year known to the year: not before it",
      { establishedOn: "2004-01-01", establishedPrecision: "YEAR", abolishedOn: null },
      "2003-12-31",
      "NOT_YET_ESTABLISHED",
    ],
    ["the day before abolition", { establishedOn: "2004-01-01", abolishedOn: "2016-01-01" }, "2015-12-31", "ACTIVE"],
    ["from its abolition day", { establishedOn: null, abolishedOn: "2016-01-01" }, "2016-01-01", "ABOLISHED"],
  ] as const)("%s", (_case, committee, day, status) => {
    expect(committeeStatus(committee, day)).toBe(status);
  });
});

describe("membershipOn (Charter Art. 4, 4-2: one capacity a day)", () => {
  it("gives the period covering the day, and the latest start if periods ever overlap", () => {
    const observer = { kind: "OBSERVER", startedOn: "1998-01-01", endedOn: "2009-12-31" } as const;
    const member = { kind: "MEMBER", startedOn: "2010-01-01", endedOn: null } as const;
    const overlapping = { kind: "ASSOCIATE", startedOn: "2015-01-01", endedOn: null } as const;
    expect(membershipOn([observer, member], "2005-06-01")).toBe(observer);
    expect(membershipOn([observer, member], "2010-01-01")).toBe(member);
    expect(membershipOn([member, overlapping], "2016-01-01")).toBe(overlapping);
    expect(membershipOn([overlapping, member], "2016-01-01")).toBe(overlapping);
    expect(membershipOn([member], "2009-12-31")).toBeNull();
  });
});

describe("membershipStandingOn (Charter Art. 4, 19: three certainties)", () => {
  // The Mongolian members: no source gives the day they joined; one attests them on 2016-02-22.
  const undated: MembershipPeriod = { kind: "MEMBER", startedOn: null, endedOn: null, attestedOn: "2016-02-22" };
  // Known to the year: joined in 2000.
  const inYear: MembershipPeriod = { kind: "MEMBER", startedOn: "2000-01-01", startPrecision: "YEAR", endedOn: null };
  it.each([
    ["Charter Art. 19", "no membership before the founding, whatever its start", [undated], "1996-09-11", "NO"],
    ["Charter Art. 4", "an undated start, between the founding and its first source: unknown", [undated], "2010-06-30", "UNKNOWN"],
    ["Charter Art. 4", "an undated start, from the day a source attests it: known", [undated], "2016-02-22", "YES"],
    ["Charter Art. 4", "a start known to the year: unknown during that year", [inYear], "2000-06-30", "UNKNOWN"],
    ["Charter Art. 4", "a start known to the year: known after it", [inYear], "2001-01-01", "YES"],
    ["Charter Art. 4", "a start known to the year: not a member before it", [inYear], "1999-12-31", "NO"],
  ] as const)("%s: %s", (_article, _case, periods, day, held) => {
    expect(membershipStandingOn(periods, day).held).toBe(held);
    expect(membershipOn(periods, day) !== null).toBe(held === "YES");
  });
});
