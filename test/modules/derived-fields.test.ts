import { describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/core/node";
import { useTestHub } from "../support/hub";

describe("assemblyCostShares (Charter Art. 15(2)(ii))", () => {
  const hub = useTestHub();

  async function assemblyId(number: number): Promise<string> {
    const result = await hub.run<{ association: { generalAssemblies: { id: string; number: number }[] } }>(
      `{ association { generalAssemblies { id number } } }`,
    );
    return result.data!.association.generalAssemblies.find((a) => a.number === number)!.id;
  }

  it("splits the 12th General Assembly's cost: Hunan half, the 75 other members known then C/D each, exact to the won", async () => {
    const id = await assemblyId(12);
    const result = await hub.run<{
      assemblyCostShares: {
        total: { amount: string };
        host: { slug: string };
        hostHalf: { amount: string };
        remainder: { amount: string };
        hostPayable: { minorUnits: string };
        members: { payable: { minorUnits: string } }[];
        reasons: { code: string; message: string }[];
      };
    }>(
      `query ($id: ID!) { assemblyCostShares(meetingId: $id, total: "100000001", currency: "krw") {
        total { amount currency } host { slug } hostHalf { amount } remainder { amount } hostPayable { minorUnits }
        members { payable { minorUnits } } reasons { code message }
      } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const shares = result.data!.assemblyCostShares;
    expect({
      host: shares.host.slug,
      hostHalf: shares.hostHalf.amount,
      remainder: shares.remainder.amount,
      members: shares.members.length,
    }).toEqual({
      host: "cn-hunan",
      hostHalf: "50000001",
      remainder: "50",
      members: 75,
    });
    expect(shares.members.every((m) => m.payable.minorUnits === "666666")).toBe(true);
    const sum = shares.members.reduce((acc, m) => acc + BigInt(m.payable.minorUnits), BigInt(shares.hostPayable.minorUnits));
    expect(sum).toBe(100_000_001n);
    expect(shares.reasons.map((r) => r.code)).toEqual([
      "HOST_PAYS_HALF",
      "OTHERS_SHARE_EVENLY",
      "REMAINDER_TO_HOST",
      "ATTENDANCE_NOT_RECORDED",
      // The sitting is dated to its month (2018-10): Akita, admitted at it, and Primorsky, whose joining no source
      // dates and whose first source speaks for 2018, are named apart, not counted in D.
      "MEMBERSHIP_UNKNOWN",
    ]);
    expect(shares.reasons.at(-1)!.message).toBe(
      "Whether jp-akita, ru-primorsky were members on 2018-10-01 is unknown: D counts the 75 members known that day. Were they members, D would be 77.",
    );
  });

  it("refuses bad totals, currencies and meetings with typed errors naming the argument", async () => {
    const id = await assemblyId(12);
    const consultation = (
      await hub.run<{ meetings: { nodes: { id: string }[] } }>(`{ meetings(filter: { committee: "working-committee" }) { nodes { id } } }`)
    ).data!.meetings.nodes[0].id;
    const cases: [string, string, string, string, string][] = [
      [id, "-5", "KRW", "BAD_USER_INPUT", "total must not be negative, got -5"],
      [id, "Infinity", "KRW", "BAD_USER_INPUT", 'total: "Infinity" is not a decimal amount such as "1500000" or "12345.67"'],
      [id, "NaN", "KRW", "BAD_USER_INPUT", 'total: "NaN" is not a decimal amount such as "1500000" or "12345.67"'],
      [id, "10.5", "KRW", "BAD_USER_INPUT", 'total: "10.5" has 1 decimals; this currency has 0'],
      [id, "100", "XYZ", "BAD_USER_INPUT", 'currency: unknown currency "XYZ"; use one of KRW, JPY, VND, CNY, USD, EUR, RUB, MNT, KPW'],
      [toGlobalId("Meeting", 999999), "100", "KRW", "NOT_FOUND", `meetingId: no meeting "${toGlobalId("Meeting", 999999)}"`],
      [
        consultation,
        "100",
        "KRW",
        "BAD_USER_INPUT",
        "meetingId: Art. 15(2)(ii) shares the cost of a General Assembly; this meeting is not one",
      ],
    ];
    for (const [meetingId, total, currency, code, message] of cases) {
      const result = await hub.run(
        `query ($id: ID!, $total: String!, $currency: String!) { assemblyCostShares(meetingId: $id, total: $total, currency: $currency) { total { amount } } }`,
        {
          id: meetingId,
          total,
          currency,
        },
      );
      expect(result.errors?.map((e) => [e.extensions?.["code"], e.message])).toEqual([[code, message]]);
    }
  });
});

describe("Committee.coordinator (Committee Reg. Art. 5)", () => {
  const hub = useTestHub();

  it("gives each coordinator's current term; without activity records, replaceability stays unknown", async () => {
    const result = await hub.run(`{
      innovation: committee(slug: "sc-18") { coordinator(asOf: "2020-12-31") { coordinators { government { slug } termNumber termStart termEnd } renewable lastActivity activeInCurrentTerm replaceable reasons { code } } }
      tourism: committee(slug: "sc-08") { coordinator(asOf: "2020-12-31") { coordinators { government { slug } termNumber termStart } } }
      abolished: committee(slug: "sc-05") { coordinator(asOf: "2020-12-31") { coordinators { termNumber } reasons { code } } }
      sports: committee(slug: "sc-14") {
        in2020: coordinator(asOf: "2020-12-31") { lastActivity replaceable }
        in2021: coordinator(asOf: "2021-08-06") { lastActivity replaceable }
      }
    }`);
    expect(result.data).toEqual({
      innovation: {
        coordinator: {
          coordinators: [{ government: { slug: "cn-hunan" }, termNumber: 2, termStart: "2020-10-29", termEnd: "2022-10-28" }],
          renewable: true,
          lastActivity: null,
          activeInCurrentTerm: null,
          replaceable: null,
          reasons: [
            { code: "TERM_TWO_YEARS_RENEWABLE" },
            { code: "CURRENT_TERM" },
            { code: "ACTIVITY_IN_TERM_UNKNOWN" },
            { code: "INACTIVITY_UNKNOWN" },
          ],
        },
      },
      tourism: {
        coordinator: {
          coordinators: [
            { government: { slug: "cn-henan" }, termNumber: 2, termStart: "2020-01-01" },
            { government: { slug: "cn-ningxia" }, termNumber: 2, termStart: "2020-01-01" },
          ],
        },
      },
      abolished: { coordinator: { coordinators: [], reasons: [{ code: "NO_COORDINATOR" }] } },
      // Its first meeting (2019-08-06) proves activity for two years; after that, without
      // complete records of later meetings, the hub cannot say.
      sports: { in2020: { lastActivity: "2019-08-06", replaceable: false }, in2021: { lastActivity: "2019-08-06", replaceable: null } },
    });
  });
});

describe("dues and rights arguments", () => {
  const hub = useTestHub();

  it.each([1995, 9999])("refuses fiscal year %i, outside the calendar, naming the argument", async (year) => {
    const result = await hub.run(`{ government(slug: "kr-gyeongbuk") { dues(fiscalYear: ${year}) { status } } }`);
    expect(result.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([
      {
        message: `fiscalYear: ${year} is outside the years the graph answers for, 1996 to 2025`,
        extensions: { code: "BAD_USER_INPUT", argumentName: "fiscalYear" },
      },
    ]);
  });

  it("checks a Budget Review Committee against Dues Reg. Art. 8(1) with the officials dispatched on the day", async () => {
    const result = await hub.run(`{
      valid: budgetReviewCheck(members: ["cn-heilongjiang", "ru-sakha", "mn-darkhan-uul"], asOf: "2020-12-31") { valid reasons { code } }
      invalid: budgetReviewCheck(members: ["kr-gyeongbuk", "jp-shimane", "cn-ningxia"], auditors: ["cn-ningxia"], asOf: "2020-12-31") { valid reasons { code message } }
    }`);
    expect(result.data?.["valid"]).toEqual({ valid: true, reasons: [{ code: "COMPOSITION_VALID" }] });
    expect(result.data?.["invalid"]).toEqual({
      valid: false,
      reasons: [
        { code: "SECRETARIAT_HOST_EXCLUDED", message: "KR's member must come from a government other than kr-gyeongbuk." },
        // Shimane's liaison works from Shimane: Japan dispatched no official in 2020 (rules.md §7).
        { code: "NOT_DISPATCHING", message: "jp-shimane has no official dispatched to the secretariat." },
        { code: "NOT_DISPATCHING", message: "cn-ningxia has no official dispatched to the secretariat." },
        { code: "AUDITOR_GOVERNMENT", message: "cn-ningxia is an auditor's government." },
      ],
    });
    const unknown = await hub.run(`{ budgetReviewCheck(members: ["xx-nowhere"]) { valid } }`);
    expect(unknown.errors?.map((e) => [e.extensions?.["code"], e.message])).toEqual([
      ["NOT_FOUND", 'members[0]: no government "xx-nowhere"'],
    ]);
  });
});
