import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CharterInputError, assemblyCostShares } from "../../src/charter";

const members = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(3, "0")}`);

describe("General Assembly cost shares (Charter Art. 15(2)(ii))", () => {
  it("Charter Art. 15(2)(ii): host half, C/D each, the odd units to the host", () => {
    const shares = assemblyCostShares({
      totalMinor: 1001n,
      host: "host",
      otherMembers: members(3),
      attending: new Set(members(3)),
      reductionsBp: new Map(),
    });
    expect({
      hostHalf: shares.hostHalfMinor,
      remainder: shares.remainderMinor,
      host: shares.hostPayableMinor,
      each: shares.members.map((m) => m.payableMinor),
    }).toEqual({ hostHalf: 501n, remainder: 2n, host: 503n, each: [166n, 166n, 166n] });
  });

  it("Charter Art. 15(2)(ii): absent members' shares and force-majeure reductions fall to the host", () => {
    const shares = assemblyCostShares({
      totalMinor: 1_000_000n,
      host: "host",
      otherMembers: ["a", "b", "c", "d"],
      attending: new Set(["a", "b", "c"]),
      reductionsBp: new Map([["b", 5000]]),
    });
    expect(shares.members).toEqual([
      { government: "a", attended: true, shareMinor: 125_000n, reductionMinor: 0n, payableMinor: 125_000n },
      { government: "b", attended: true, shareMinor: 125_000n, reductionMinor: 62_500n, payableMinor: 62_500n },
      { government: "c", attended: true, shareMinor: 125_000n, reductionMinor: 0n, payableMinor: 125_000n },
      { government: "d", attended: false, shareMinor: 125_000n, reductionMinor: 125_000n, payableMinor: 0n },
    ]);
    expect([shares.hostShortfallMinor, shares.hostPayableMinor]).toEqual([187_500n, 687_500n]);
    expect(shares.reasons.map((r) => r.code)).toEqual([
      "HOST_PAYS_HALF",
      "OTHERS_SHARE_EVENLY",
      "REMAINDER_TO_HOST",
      "ABSENT_MEMBERS_TO_HOST",
      "FORCE_MAJEURE_REDUCTION",
    ]);
  });

  it("Charter Art. 15(2)(ii): refuses a negative total, naming it", () => {
    expect(() =>
      assemblyCostShares({ totalMinor: -1n, host: "h", otherMembers: [], attending: new Set(), reductionsBp: new Map() }),
    ).toThrow(new CharterInputError("total must not be negative, got -1", "total"));
  });

  it("property (Charter Art. 15(2)(ii)): shares always sum exactly to the total, and the host pays at least half", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 90 }),
        fc.array(fc.boolean(), { maxLength: 90 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 90 }),
        (total, d, attendance, reductions) => {
          const others = members(d);
          const shares = assemblyCostShares({
            totalMinor: total,
            host: "host",
            otherMembers: others,
            attending: new Set(others.filter((_, i) => attendance[i] ?? true)),
            reductionsBp: new Map(others.map((m, i) => [m, reductions[i] ?? 0])),
          });
          const sum = shares.members.reduce((acc, m) => acc + m.payableMinor, shares.hostPayableMinor);
          return sum === total && 2n * shares.hostPayableMinor >= total && shares.members.every((m) => m.payableMinor >= 0n);
        },
      ),
    );
  });
});
