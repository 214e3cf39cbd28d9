import { describe, expect, it } from "vitest";
import { coordination, currentTerm } from "../../src/charter";

describe("coordinator terms (Committee Reg. Art. 5)", () => {
  it.each([
    ["Committee Reg. Art. 5(2)", "first term", "2018-10-29", "2019-06-01", 1, "2018-10-29", "2020-10-28"],
    [
      "Committee Reg. Art. 5(2)",
      "exactly two years later the second term begins",
      "2018-10-29",
      "2020-10-29",
      2,
      "2020-10-29",
      "2022-10-28",
    ],
    ["Committee Reg. Art. 5(2)", "the last day of the first term", "2018-10-29", "2020-10-28", 1, "2018-10-29", "2020-10-28"],
    ["Committee Reg. Art. 5(2)", "a spell from 29 February", "2016-02-29", "2018-03-01", 2, "2018-02-28", "2020-02-28"],
  ] as const)("%s: %s", (_article, _case, startedOn, asOf, termNumber, termStart, termEnd) => {
    expect(currentTerm({ government: "g", startedOn, endedOn: null }, asOf)).toEqual({
      government: "g",
      termNumber,
      termStart,
      termEnd,
      certainty: "KNOWN",
    });
  });

  it.each([
    ["Committee Reg. Art. 5(7)", "exactly two years without activity: replaceable", ["2018-06-01"], "2017-01-01", "2020-06-01", true],
    ["Committee Reg. Art. 5(7)", "one day short of two years: not yet", ["2018-06-01"], "2017-01-01", "2020-05-31", false],
    ["Committee Reg. Art. 5(7)", "no activity at all, records cover two years: replaceable", [], "2017-01-01", "2020-06-01", true],
    ["Committee Reg. Art. 5(7)", "no activity recorded and no records: unknown", [], null, "2020-06-01", null],
    ["Committee Reg. Art. 5(7)", "an activity after the day asked about does not count", ["2021-01-01"], "2017-01-01", "2020-06-01", true],
    [
      "Committee Reg. Art. 5(7)",
      "last activity over two years ago, but no records since: unknown",
      ["2018-01-01"],
      null,
      "2020-06-01",
      null,
    ],
    [
      "Committee Reg. Art. 5(7)",
      "an activity within two years proves activity even without complete records",
      ["2019-01-01"],
      null,
      "2020-06-01",
      false,
    ],
  ] as const)("%s: %s", (_article, _case, activities, recordsFrom, asOf, replaceable) => {
    const verdict = coordination({
      spells: [{ government: "g", startedOn: "2016-01-01", endedOn: null }],
      activities,
      activityRecordsFrom: recordsFrom,
      floor: "1996-09-12",
      asOf,
    });
    expect(verdict.replaceable).toBe(replaceable);
    expect(verdict.renewable).toBe(true);
  });

  it("Committee Reg. Art. 5(2), 5(4): co-coordinators, an undated spell, and activity in the term", () => {
    const verdict = coordination({
      spells: [
        { government: "cn-henan", startedOn: "2018-01-01", endedOn: null },
        { government: "cn-ningxia", startedOn: null, endedOn: null, attestedOn: "2019-12-31" },
      ],
      activities: ["2020-03-01"],
      activityRecordsFrom: "2015-01-01",
      floor: "2008-09-02",
      asOf: "2020-06-01",
    });
    expect(verdict).toMatchObject({
      coordinators: [
        { government: "cn-henan", termNumber: 2, termStart: "2020-01-01", termEnd: "2021-12-31", certainty: "KNOWN" },
        { government: "cn-ningxia", termNumber: null, termStart: null, termEnd: null, certainty: "KNOWN" },
      ],
      lastActivity: "2020-03-01",
      activeInCurrentTerm: true,
      replaceable: false,
    });
    expect(verdict.reasons.map((r) => r.code)).toEqual([
      "TERM_TWO_YEARS_RENEWABLE",
      "CURRENT_TERM",
      "TERM_START_UNKNOWN",
      "ACTIVE_IN_TERM",
      "NOT_REPLACEABLE",
    ]);
  });

  it.each([
    ["before the committee's creation: no coordinator", "2007-12-31", [], ["NO_COORDINATOR"]],
    ["between the creation and the first source: unknown, said so", "2020-06-01", ["UNKNOWN"], ["COORDINATOR_UNKNOWN"]],
    ["once a source attests it: known", "2023-12-31", ["KNOWN"], []],
  ] as const)("Committee Reg. Art. 5(1): an undated spell, %s", (_case, asOf, certainties, codes) => {
    const verdict = coordination({
      spells: [{ government: "jp-toyama", startedOn: null, endedOn: null, attestedOn: "2023-12-31" }],
      activities: [],
      activityRecordsFrom: null,
      floor: "2008-09-02",
      asOf,
    });
    expect(verdict.coordinators.map((c) => c.certainty)).toEqual(certainties);
    for (const code of codes) expect(verdict.reasons.map((r) => r.code)).toContain(code);
  });
});
