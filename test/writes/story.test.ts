import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";
import type { TestHub } from "../support/hub";
import { mutate, recordAssembly } from "./support";

const RIGHTS = `query ($on: Date!) { government(slug: "kr-testville") { votingRights(asOf: $on) { eligible reasons { code } } } }`;

async function rightsOn(hub: TestHub, day: string): Promise<{ eligible: boolean; codes: string[] }> {
  const result = await hub.run<{ government: { votingRights: { eligible: boolean; reasons: { code: string }[] } } }>(RIGHTS, { on: day });
  const rights = result.data!.government.votingRights;
  return { eligible: rights.eligible, codes: rights.reasons.map((r) => r.code) };
}

describe("the secretariat keeps the graph alive: admit, open the ledger, book dues, and rights follow", () => {
  const hub = useTestHub();

  it("admits a government after a passing vote, and its voting rights change on the days the Dues Regulation says", async () => {
    // The 12th General Assembly's day in 2018: 60 of the 78 members present, all in favour (Art. 9(2): two thirds).
    const { agendaItemId } = await recordAssembly(hub, {
      day: "2018-10-30",
      title: "Test admission sitting",
      charterItem: 1,
      present: 60,
      yes: 60,
    });
    const admitted = await mutate(
      hub,
      "admitGovernment",
      "AdmitGovernmentInput",
      "... on MembershipWriteSuccess { government { slug version } membership { admittedBy } }",
      {
        newGovernment: { slug: "kr-testville", countryCode: "KR", nameEn: "Testville", source: "test source" },
        kind: "MEMBER",
        startedOn: "2018-11-01",
        agendaItem: agendaItemId,
      },
    );
    expect(admitted).toMatchObject({ __typename: "MembershipWriteSuccess", government: { slug: "kr-testville" } });
    expect((admitted["membership"] as { admittedBy: string }).admittedBy).toContain("Test admission sitting");

    // Admitted in 2018: dues are owed from 2019 (Dues Reg. Art. 5(2)). The ledger records nothing of it: its dues are unknown, and rights stand.
    expect(await rightsOn(hub, "2020-06-01")).toEqual({ eligible: true, codes: ["MEMBER", "DUES_STANDING_UNKNOWN"] });

    const { association } = (await hub.run<{ association: { version: number } }>("{ association { version } }")).data!;
    const opened = await mutate(
      hub,
      "openDuesLedger",
      "OpenDuesLedgerInput",
      "... on OpenDuesLedgerSuccess { entries { fiscalYear status } governments { slug version } }",
      {
        entries: [
          { government: "kr-testville", fiscalYear: 2019, status: "UNPAID" },
          { government: "kr-testville", fiscalYear: 2020, status: "UNPAID" },
        ],
        source: "test: the secretariat's ledger book",
        version: association.version,
      },
    );
    expect(opened).toMatchObject({
      entries: [
        { fiscalYear: 2019, status: "UNPAID" },
        { fiscalYear: 2020, status: "UNPAID" },
      ],
      governments: [{ slug: "kr-testville" }],
    });
    // The ledger's entries change what the member's standing means: its version moved, as a payment moves it.
    const { version } = (opened["governments"] as { version: number }[])[0];

    // 2019 and 2020 both unpaid past their due dates, and nothing paid in 2020: restricted from 1 May 2020 (Art. 6).
    expect(await rightsOn(hub, "2020-04-30")).toEqual({ eligible: true, codes: ["MEMBER", "DUES_IN_ORDER"] });
    expect(await rightsOn(hub, "2020-05-01")).toEqual({ eligible: false, codes: ["MEMBER", "DUES_ARREARS"] });

    const paid = await mutate(
      hub,
      "recordDuesPayment",
      "RecordDuesPaymentInput",
      '... on RecordDuesPaymentSuccess { government { duesStanding(asOf: "2020-06-15") { restricted } } }',
      {
        government: "kr-testville",
        version,
        fiscalYear: 2019,
        amountMinor: "1180000",
        currency: "KRW",
        creditedUsdCents: 100_000,
        paidOn: "2020-06-15",
        reference: "TEST-TESTVILLE-2019",
      },
    );
    // The answer already shows the new state: the request's loaders were cleared after the write.
    expect(paid).toMatchObject({ __typename: "RecordDuesPaymentSuccess", government: { duesStanding: { restricted: false } } });
    // Paying 2019 in full leaves only 2020 unpaid: no longer two years in arrears (Art. 6), from the day it arrives.
    expect(await rightsOn(hub, "2020-06-14")).toEqual({ eligible: false, codes: ["MEMBER", "DUES_ARREARS"] });
    expect(await rightsOn(hub, "2020-06-15")).toEqual({ eligible: true, codes: ["MEMBER", "DUES_IN_ORDER"] });

    // The audit log, for an admin only, holds every change with who, before and after.
    const log = await hub.run<{ auditLog: { nodes: { operation: string; actorLabel: string; before: unknown; after: unknown }[] } }>(
      "{ auditLog(first: 10) { nodes { operation actorLabel before after } } }",
      undefined,
      { as: "ADMIN" },
    );
    expect(log.data!.auditLog.nodes.map((n) => n.operation)).toEqual([
      "recordDuesPayment",
      "openDuesLedger",
      "admitGovernment",
      "recordMeeting",
    ]);
    expect(log.data!.auditLog.nodes[1]).toMatchObject({
      actorLabel: "test secretariat",
      before: { entries: [null, null] },
      after: {
        entries: [
          { fiscalYear: 2019, status: "UNPAID" },
          { fiscalYear: 2020, status: "UNPAID" },
        ],
      },
    });
    for (const role of ["PUBLIC", "PARTNER", "SECRETARIAT"] as const) {
      const refused = await hub.run("{ auditLog(first: 1) { totalCount } }", undefined, { as: role });
      expect([role, refused.data ?? null, refused.errors?.[0]?.extensions?.["code"]]).toEqual([
        role,
        null,
        role === "PUBLIC" ? "UNAUTHENTICATED" : "FORBIDDEN",
      ]);
    }
  });

  it("refuses an admission whose decision did not pass, with the charter's reasons, and writes nothing", async () => {
    // 60 present, 35 in favour: short of two thirds (40).
    const { agendaItemId } = await recordAssembly(hub, {
      day: "2018-10-30",
      title: "Test failed admission",
      charterItem: 1,
      present: 60,
      yes: 35,
    });
    const refused = await mutate(hub, "admitGovernment", "AdmitGovernmentInput", "", {
      newGovernment: { slug: "kr-testville", countryCode: "KR", nameEn: "Testville", source: "test source" },
      kind: "MEMBER",
      startedOn: "2018-11-01",
      agendaItem: agendaItemId,
    });
    expect(refused).toMatchObject({ __typename: "CharterRefusal", code: "CHARTER_REFUSED" });
    expect(refused.reasons?.map((r) => r.code)).toContain("MAJORITY_NOT_REACHED");
    expect((await hub.run(`{ government(slug: "kr-testville") { slug } }`)).data).toEqual({ government: null });
  });

  it("refuses an admission on an item that is not about admission (Art. 8 item 1)", async () => {
    const { agendaItemId } = await recordAssembly(hub, { day: "2018-10-30", title: "Test budget", charterItem: 7, present: 60, yes: 60 });
    const refused = await mutate(hub, "admitGovernment", "AdmitGovernmentInput", "", {
      newGovernment: { slug: "kr-testville", countryCode: "KR", nameEn: "Testville", source: "test source" },
      kind: "MEMBER",
      startedOn: "2018-11-01",
      agendaItem: agendaItemId,
    });
    expect(refused).toMatchObject({ __typename: "CharterRefusal", reasons: [{ code: "NOT_AN_ADMISSION" }] });
  });
});

describe("corrections found by checking the graph against the report", () => {
  const hub = useTestHub();

  it("finds a government by every spelling a source uses, and shows where each comes from", async () => {
    const search = async (text: string) =>
      (
        await hub.run<{ governments: { nodes: { slug: string }[] } }>(
          `query ($t: String!) { governments(filter: { search: $t }) { nodes { slug } } }`,
          { t: text },
        )
      ).data!.governments.nodes.map((n) => n.slug);
    expect(await search("阿尔泰边境区")).toEqual(["ru-altai-krai"]);
    expect(await search("阿尔泰边疆区")).toEqual(["ru-altai-krai"]);
    expect(await search("巴彦洪戈尔省")).toEqual(["mn-bayankhongor"]);
    expect(await search("巴彦洪格尔省")).toEqual(["mn-bayankhongor"]);
    const result = await hub.run(`{ government(slug: "mn-bayankhongor") { alternativeNames { lang name source } } }`);
    expect(result.data).toEqual({
      government: { alternativeNames: [{ lang: "ZH", name: "巴彦洪戈尔省", source: "R2020 (ambassadors' table)" }] },
    });
  });

  it("serves websites as absolute URLs a browser can follow, keeping what the source printed", async () => {
    const result = await hub.run<{ governments: { nodes: { website: string | null; websiteAsPrinted: string | null }[] } }>(
      `{ governments(first: 100) { nodes { website websiteAsPrinted } } }`,
    );
    const nodes = result.data!.governments.nodes;
    const known = nodes.filter((n) => n.website !== null);
    expect([known.length, nodes.length - known.length]).toEqual([50, 32]);
    for (const { website, websiteAsPrinted } of known) {
      expect(new URL(website!).protocol).toMatch(/^https?:$/);
      expect(website).toBe(`http://${websiteAsPrinted}`);
    }
  });

  it("starts no coordinator term before its committee exists (Magadan, committee 9, from 2010-10-28)", async () => {
    const result = await hub.run<{
      committees: {
        nodes: {
          slug: string;
          establishedOn: string | null;
          coordinatorHistory: { startedOn: string | null; government: { slug: string } }[];
        }[];
      };
    }>(`{ committees(first: 100) { nodes { slug establishedOn coordinatorHistory { startedOn government { slug } } } } }`);
    const early = result.data!.committees.nodes.flatMap((c) =>
      c.coordinatorHistory
        .filter((t) => t.startedOn !== null && c.establishedOn !== null && t.startedOn < c.establishedOn)
        .map((t) => `${c.slug}/${t.government.slug}`),
    );
    expect(early).toEqual([]);
    const magadan = result.data!.committees.nodes.find((c) => c.slug === "sc-09")!.coordinatorHistory;
    expect(magadan).toEqual([{ startedOn: "2010-10-28", government: { slug: "ru-magadan" } }]);
  });
});
