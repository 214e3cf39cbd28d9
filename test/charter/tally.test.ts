import { describe, expect, it } from "vitest";
import { committeeStatus, countTally, membershipOn } from "../../src/charter";
import type { Tally, VoteChoice } from "../../src/charter";

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
    ["unknown establishment: since before the records", { establishedOn: null, abolishedOn: null }, "1990-01-01", "ACTIVE"],
    ["the day before abolition", { establishedOn: null, abolishedOn: "2016-01-01" }, "2015-12-31", "ACTIVE"],
    ["from its abolition day", { establishedOn: null, abolishedOn: "2016-01-01" }, "2016-01-01", "ABOLISHED"],
  ] as const)("%s", (_case, committee, day, status) => {
    expect(committeeStatus(committee, day)).toBe(status);
  });
});

describe("membershipOn (Charter Art. 4, 4-2: one capacity a day)", () => {
  it("gives the period covering the day, and the latest start if periods ever overlap", () => {
    const observer = { kind: "OBSERVER", startedOn: null, endedOn: "2009-12-31" } as const;
    const member = { kind: "MEMBER", startedOn: "2010-01-01", endedOn: null } as const;
    const overlapping = { kind: "ASSOCIATE", startedOn: "2015-01-01", endedOn: null } as const;
    expect(membershipOn([observer, member], "2005-06-01")).toBe(observer);
    expect(membershipOn([observer, member], "2010-01-01")).toBe(member);
    expect(membershipOn([member, overlapping], "2016-01-01")).toBe(overlapping);
    expect(membershipOn([overlapping, member], "2016-01-01")).toBe(overlapping);
    expect(membershipOn([member], "2009-12-31")).toBeNull();
  });
});
