import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cell, readCsv } from "../../src/seed/csv";
import { FACTS_DIR, seed2020 } from "../../src/seed/seed";
import { useTestHub } from "../support/hub";

interface Page<T> {
  totalCount: number;
  nodes: T[];
}

describe("the 2020 seeds", () => {
  const hub = useTestHub();

  it("reproduce the figures the Annual Report 2020 states", async () => {
    const result = await hub.run<{
      members: Page<{ country: { code: string } }>;
      japan: Page<{ slug: string; membership: { kind: string } }>;
      ambassadors: Page<{ people: number; country: { code: string }; government: { slug: string } }>;
    }>(`{
      members: governments(first: 100, filter: { kinds: [MEMBER] }) { totalCount nodes { country { code } } }
      japan: governments(first: 100, filter: { countries: ["JP"], status: CURRENT }) { totalCount nodes { slug membership { kind } } }
      ambassadors: ambassadors(first: 100, filter: { kinds: [MEMBER_NOMINATED] }) {
        totalCount nodes { people country { code } government { slug } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const { members, japan, ambassadors } = result.data!;

    expect(members.totalCount).toBe(78);
    const perCountry: Record<string, number> = {};
    for (const member of members.nodes) perCountry[member.country.code] = (perCountry[member.country.code] ?? 0) + 1;
    expect(perCountry).toEqual({ CN: 11, JP: 11, KR: 16, KP: 2, MN: 22, RU: 16 });

    const japanKinds = japan.nodes.map((g) => g.membership.kind);
    expect(japanKinds.filter((k) => k === "MEMBER")).toHaveLength(11);
    expect(japan.nodes.filter((g) => g.membership.kind === "OBSERVER").map((g) => g.slug)).toEqual(["jp-miyagi", "jp-yamaguchi"]);

    expect(ambassadors.nodes.reduce((sum, a) => sum + a.people, 0)).toBe(40);
    expect(new Set(ambassadors.nodes.map((a) => a.government.slug)).size).toBe(27);
    expect(new Set(ambassadors.nodes.map((a) => a.country.code)).size).toBe(5);
  });

  it("hold every row of the shipped facts", async () => {
    const result = await hub.run(`{
      governments(first: 1) { totalCount }
      specialised: committees(first: 1, filter: { kinds: [SPECIALISED] }) { totalCount }
      bodies: committees(first: 1, filter: { kinds: [GENERAL_ASSEMBLY, WORKING_COMMITTEE, BUDGET_REVIEW] }) { totalCount }
      staff(first: 1) { totalCount }
      ambassadors(first: 1) { totalCount }
      partners(first: 1) { totalCount }
      events(first: 1) { totalCount }
      countries(first: 1) { totalCount }
    }`);
    expect(result.data).toEqual({
      governments: { totalCount: 82 },
      specialised: { totalCount: 20 },
      bodies: { totalCount: 3 },
      staff: { totalCount: 25 },
      ambassadors: { totalCount: 28 },
      partners: { totalCount: 17 },
      events: { totalCount: 53 },
      countries: { totalCount: 7 },
    });
  });

  it("are idempotent: a second run inserts and updates nothing", async () => {
    const reports = await seed2020(hub.db.dataSource);
    expect(reports.map((r) => [r.table, r.inserted, r.updated, r.unchanged])).toEqual([
      ["association", 0, 0, 1],
      ["country", 0, 0, 7],
      ["government", 0, 0, 82],
      ["alternative_name", 0, 0, 7],
      ["membership", 0, 0, 82],
      ["committee", 0, 0, 23],
      ["coordinator_term", 0, 0, 19],
      ["meeting", 0, 0, 17],
      ["agenda_item", 0, 0, 1],
      ["chair_extension", 0, 0, 1],
      ["department", 0, 0, 4],
      ["post", 0, 0, 15],
      ["staff_member", 0, 0, 25],
      ["appointment", 0, 0, 25],
      ["ambassador_appointment", 0, 0, 28],
      ["partner_organisation", 0, 0, 17],
      ["event", 0, 0, 53],
      ["event_figure", 0, 0, 41],
      ["stated_figure", 0, 0, 12],
      // Every held meeting's decisions were recorded by the first run.
      ["recorded_quorum", 0, 0, 16],
    ]);
  });

  it("derive each holder's predecessor and successor from the post's history as staff.csv records them", async () => {
    const rows = readCsv(join(FACTS_DIR, "staff.csv"));
    const result = await hub.run<{
      staff: {
        nodes: {
          slug: string;
          appointments: { predecessor: { staffMember: { slug: string } } | null; successor: { staffMember: { slug: string } } | null }[];
        }[];
      };
    }>(`{
      staff(first: 100) { nodes { slug appointments { predecessor { staffMember { slug } } successor { staffMember { slug } } } } }
    }`);
    const derived = Object.fromEntries(
      result.data!.staff.nodes.map((s) => [
        s.slug,
        {
          predecessor: s.appointments[0]?.predecessor?.staffMember.slug ?? null,
          successor: s.appointments[0]?.successor?.staffMember.slug ?? null,
        },
      ]),
    );
    const recorded = Object.fromEntries(
      rows.map((r) => [r["id"], { predecessor: cell(r, "predecessor_id"), successor: cell(r, "successor_id") }]),
    );
    expect(derived).toEqual(recorded);
  });

  it("keep unknown facts empty: Mongolian join years, undated coordinators", async () => {
    const result = await hub.run(`{
      ulaanbaatar: government(slug: "mn-ulaanbaatar") { membership { startedOn startPrecision founding } }
      primorsky: government(slug: "ru-primorsky") { membership { startedOn founding } }
      toyama: committee(slug: "sc-02") { coordinatorHistory { startedOn sourceSpeaksFor government { slug } } }
    }`);
    expect(result.data).toEqual({
      ulaanbaatar: { membership: { startedOn: null, startPrecision: null, founding: "NOT_FOUNDING" } },
      primorsky: { membership: { startedOn: null, founding: "DISPUTED" } },
      toyama: {
        coordinatorHistory: [
          { startedOn: null, sourceSpeaksFor: "long-standing (about 20 years by 2023)", government: { slug: "jp-toyama" } },
        ],
      },
    });
  });
});
