import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CharterInputError, decide } from "../../src/charter";
import type { DecisionInput } from "../../src/charter";

const ga = (charterItem: number, votingMembers: number, present: number, votesFor: number): DecisionInput => ({
  body: "GENERAL_ASSEMBLY",
  charterItem,
  yearHasGeneralAssembly: true,
  writtenConsultation: false,
  votingMembers,
  present,
  votesFor,
  votesAgainst: present - votesFor,
  abstentions: 0,
});

describe("quorum and majorities (Charter Art. 8, 9, 9-2)", () => {
  it.each([
    ["Charter Art. 9(2)", "quorum: 40 of 78 present is more than half", ga(9, 78, 40, 21), "PASSED"],
    ["Charter Art. 9(2)", "one short of quorum: 39 of 78 present", ga(9, 78, 39, 39), "FAILED_NO_QUORUM"],
    ["Charter Art. 9(2)", "two thirds exactly passes an admission: 40 of 60", ga(1, 78, 60, 40), "PASSED"],
    ["Charter Art. 9(2)", "one vote short of two thirds: 39 of 60", ga(1, 78, 60, 39), "FAILED_MAJORITY"],
    ["Charter Art. 9(2)", "two thirds rounds up: 41 of 61 needed", ga(3, 78, 61, 40), "FAILED_MAJORITY"],
    ["Charter Art. 9(3)", "exactly half is not more than half: 30 of 60", ga(7, 78, 60, 30), "FAILED_MAJORITY"],
    ["Charter Art. 9(3)", "more than half: 31 of 60", ga(7, 78, 60, 31), "PASSED"],
    [
      "Charter Art. 9-2",
      "Working Committee admits a member in a year without a General Assembly",
      { ...ga(1, 78, 50, 40), body: "WORKING_COMMITTEE", yearHasGeneralAssembly: false },
      "PASSED",
    ],
    [
      "Charter Art. 9-2",
      "…but not in a year with one",
      { ...ga(1, 78, 50, 40), body: "WORKING_COMMITTEE", yearHasGeneralAssembly: true },
      "FAILED_NOT_COMPETENT",
    ],
    [
      "Charter Art. 9-2",
      "the Working Committee never amends the charter",
      { ...ga(3, 78, 78, 78), body: "WORKING_COMMITTEE", yearHasGeneralAssembly: false },
      "FAILED_NOT_COMPETENT",
    ],
    [
      "Charter Art. 11 [interp]",
      "the Working Committee decides matters of the next General Assembly by majority",
      { ...ga(9, 78, 66, 66), body: "WORKING_COMMITTEE", yearHasGeneralAssembly: false, writtenConsultation: true },
      "PASSED",
    ],
  ] as const)("%s: %s", (_article, _case, input, outcome) => {
    expect(decide(input).outcome).toBe(outcome);
  });

  it("Charter Art. 9(2)-(3): shows its arithmetic", () => {
    expect(decide(ga(1, 78, 60, 39))).toMatchObject({
      quorumRequired: 40,
      quorumMet: true,
      votesRequired: 40,
      arithmetic:
        "quorum: 60 present of 78 with voting rights, 40 needed (more than half); in favour: 39, needed two thirds of 60 present = 40",
    });
  });

  it.each([
    ["charterItem", { ...ga(12, 78, 60, 30) }, "charterItem must be an item of Charter Art. 8, 1 to 11, got 12"],
    ["present", { ...ga(9, 10, 11, 5) }, "present (11) exceeds the governments with voting rights (10)"],
    ["votes", { ...ga(9, 78, 10, 10), votesAgainst: 5 }, "15 votes recorded but only 10 voting members present"],
    ["votesFor", { ...ga(9, 78, 10, 10), votesFor: -1 }, "votesFor must be a whole number of 0 or more, got -1"],
  ] as const)("refuses impossible input, naming %s", (field, input, message) => {
    expect(() => decide(input)).toThrow(new CharterInputError(message, field));
  });

  it("property (Charter Art. 9(2)-(3)): a decision passes exactly when quorum and majority both hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 11 }), fc.nat(), fc.nat(), (voting, item, a, b) => {
        const present = a % (voting + 1);
        const votesFor = b % (present + 1);
        const decision = decide(ga(item, voting, present, votesFor));
        const quorum = 2 * present > voting;
        const majority = item <= 5 ? 3 * votesFor >= 2 * present : 2 * votesFor > present;
        return (decision.outcome === "PASSED") === (quorum && majority);
      }),
    );
  });
});
