import { describe, expect, it } from "vitest";
import { checkBudgetReviewComposition } from "../../src/charter";

const base = { secretariatHost: "kr-gyeongbuk", secretariatHostCountry: "KR", auditorGovernments: new Set<string>(["jp-hyogo"]) };

describe("Budget Review Committee composition (Dues Reg. Art. 8(1))", () => {
  it.each([
    [
      "Dues Reg. Art. 8(1)",
      "one dispatching member per country",
      [
        ["cn-heilongjiang", "CN", true],
        ["ru-sakha", "RU", true],
      ],
      true,
      ["COMPOSITION_VALID"],
    ],
    [
      "Dues Reg. Art. 8(1)",
      "two from one country",
      [
        ["cn-heilongjiang", "CN", true],
        ["cn-ningxia", "CN", true],
      ],
      false,
      ["MORE_THAN_ONE_PER_COUNTRY"],
    ],
    ["Dues Reg. Art. 8(1)", "a government dispatching no official", [["jp-shimane", "JP", false]], false, ["NOT_DISPATCHING"]],
    ["Dues Reg. Art. 8(1)", "Korea's member from Gyeongsangbuk-do", [["kr-gyeongbuk", "KR", true]], false, ["SECRETARIAT_HOST_EXCLUDED"]],
    ["Dues Reg. Art. 8(1)", "an auditor's government", [["jp-hyogo", "JP", true]], false, ["AUDITOR_GOVERNMENT"]],
  ] as const)("%s: %s", (_article, _case, members, valid, codes) => {
    const verdict = checkBudgetReviewComposition({
      ...base,
      members: members.map(([government, country, dispatchesOfficial]) => ({ government, country, dispatchesOfficial })),
    });
    expect([verdict.valid, verdict.reasons.map((r) => r.code)]).toEqual([valid, codes]);
  });
});
