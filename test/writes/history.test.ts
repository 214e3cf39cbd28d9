import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";
import type { TestHub } from "../support/hub";
import { mutate, recordAssembly } from "./support";

/**
 * What the graph says about 2020: every sitting with its quorum, tallies, votes and
 * recorded outcomes, the voting members and the restricted ones. Read at the recorded
 * time `$at` (null: now).
 */
const THE_PAST = `query ($at: Instant) {
  meetings(first: 20, asKnownOn: $at) { nodes { title startsOn
    quorum { votingMembers present met recorded }
    agendaItems { title votes { government { slug } choice } tally { votingMembers present votesFor source }
      outcome { outcome arithmetic basis decidedAt } } } }
  association(asKnownOn: $at) {
    votingMembers(asOf: "2020-12-31") { totalCount }
    mid2020: votingMembers(asOf: "2020-07-01") { totalCount }
    restrictedMembers(asOf: "2020-12-31") { government { slug } }
  }
}`;

interface Past {
  meetings: { nodes: { title: string; quorum: { recorded: boolean } }[] };
  association: { votingMembers: unknown; mid2020: unknown; restrictedMembers: { government: { slug: string } }[] };
}

async function thePast(hub: TestHub, at: string | null = null): Promise<Past> {
  const result = await hub.run<Past>(THE_PAST, { at });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

/** The sittings held and recorded: a planned one (the postponed 13th assembly) has no record, its quorum a projection on today's records. */
function held(past: Past) {
  return past.meetings.nodes.filter((meeting) => meeting.quorum.recorded);
}

async function lastWriteAt(hub: TestHub): Promise<string> {
  const log = await hub.run<{ auditLog: { nodes: { at: string }[] } }>(`{ auditLog(first: 1) { nodes { at } } }`, undefined, {
    as: "ADMIN",
  });
  return log.data!.auditLog.nodes[0].at;
}

const justBefore = (at: string) => new Date(Date.parse(at) - 1).toISOString();

const CONSULTATION = `{ meetings(first: 20) { nodes { title version agendaItems { id title
  outcome { outcome basis correctionReason } recomputed { outcome tally { votingMembers present } reasons { code message } } } } } }`;

interface Consultation {
  version: number;
  agendaItems: {
    id: string;
    outcome: { outcome: string; basis: string; correctionReason: string | null };
    recomputed: {
      outcome: string | null;
      tally: { votingMembers: number; present: number };
      reasons: { code: string; message: string }[];
    } | null;
  }[];
}

async function consultation(hub: TestHub): Promise<Consultation> {
  const result = await hub.run<{ meetings: { nodes: (Consultation & { title: string })[] } }>(CONSULTATION);
  expect(result.errors).toBeUndefined();
  return result.data!.meetings.nodes.find((m) => m.title.startsWith("Written consultation"))!;
}

/** The members the secretariat's book records as unpaid for 2019 and 2020: thirteen of them, then corrected. */
async function membersBySlug(hub: TestHub, count: number): Promise<string[]> {
  const result = await hub.run<{ governments: { nodes: { slug: string }[] } }>(
    `{ governments(first: 100, filter: { kinds: [MEMBER], asOf: "2019-04-30" }, orderBy: SLUG_ASC) { nodes { slug } } }`,
  );
  return result
    .data!.governments.nodes.map((g) => g.slug)
    .filter((slug) => slug !== "jp-akita")
    .slice(0, count);
}

async function openLedger(hub: TestHub, entries: { government: string; fiscalYear: number; status: string }[]) {
  const { association } = (await hub.run<{ association: { version: number } }>("{ association { version } }")).data!;
  return mutate(hub, "openDuesLedger", "OpenDuesLedgerInput", "... on OpenDuesLedgerSuccess { entries { fiscalYear } }", {
    entries,
    source: "test: the secretariat's ledger book",
    version: association.version,
  });
}

describe("history you can trust: a write never rewrites what the graph said about the past", () => {
  const hub = useTestHub();

  it("follows docs/writes.md's dues story: every recorded outcome and past vote stays, a discrepancy shows, asKnownOn gives the past back", async () => {
    const before = await thePast(hub);
    // The shipped facts' sittings are recorded: the 2020 written consultation passed, on 78 members with voting rights.
    expect((await consultation(hub)).agendaItems[0]).toMatchObject({ outcome: { outcome: "PASSED", basis: "RECORDED" }, recomputed: null });

    // docs/writes.md: open the ledger with what the secretariat's book holds, then book a payment.
    await openLedger(hub, [
      { government: "jp-akita", fiscalYear: 2019, status: "UNPAID" },
      { government: "jp-akita", fiscalYear: 2020, status: "UNPAID" },
      { government: "jp-tottori", fiscalYear: 2019, status: "PAID" },
      { government: "jp-tottori", fiscalYear: 2020, status: "PAID" },
    ]);
    const opened = await lastWriteAt(hub);
    const tottori = (await hub.run<{ government: { version: number } }>(`{ government(slug: "jp-tottori") { version } }`)).data!;
    await mutate(hub, "recordDuesPayment", "RecordDuesPaymentInput", "", {
      government: "jp-tottori",
      version: tottori.government.version,
      fiscalYear: 2020,
      amountMinor: "1180000",
      currency: "KRW",
      creditedUsdCents: 100_000,
      paidOn: "2020-03-02",
      reference: "2020-DUES-017",
    });

    // One member is restricted from 2020-05-01, not 77: a year the book does not record is unknown and restricts no one.
    const after = await thePast(hub);
    expect(after.association).toEqual({
      votingMembers: { totalCount: 77 },
      mid2020: { totalCount: 77 },
      restrictedMembers: [{ government: { slug: "jp-akita" } }],
    });
    // Every recorded sitting, quorum, tally, vote and outcome is as it was.
    expect(held(before)).toHaveLength(16);
    expect(held(after)).toEqual(held(before));
    // Today's records count one voting member fewer on the consultation's day: said, not applied.
    const item = (await consultation(hub)).agendaItems[0];
    expect(item.outcome).toEqual({ outcome: "PASSED", basis: "RECORDED", correctionReason: null });
    expect(item.recomputed).toMatchObject({ outcome: "PASSED", tally: { votingMembers: 77, present: 66 } });
    expect(item.recomputed!.reasons[0]).toEqual({
      code: "TALLY_DIFFERS",
      message:
        "Recorded on 2020-12-31 as PASSED (78 with voting rights, 66 present, 66 in favour, 0 against, 0 abstaining); today's records count 77 with voting rights, 66 present, 66 in favour, 0 against, 0 abstaining and decide the same.",
    });

    // asKnownOn gives back what the hub said before the first write, and between the two.
    expect(await thePast(hub, justBefore(opened))).toEqual(before);
    expect((await thePast(hub, opened)).association.restrictedMembers).toEqual([{ government: { slug: "jp-akita" } }]);
  });

  it("a ledger opened by mistake: reads never fail, the recorded outcome stands with a DISCREPANCY, the correction keeps the mistake readable", async () => {
    const before = await thePast(hub);
    // By mistake the book is read as thirteen members unpaid for 2019 and 2020: 65 would vote on the consultation's day, fewer than its 66 present.
    const mistaken = await membersBySlug(hub, 13);
    await openLedger(
      hub,
      mistaken.flatMap((government) => [2019, 2020].map((fiscalYear) => ({ government, fiscalYear, status: "UNPAID" }))),
    );
    const mistake = await lastWriteAt(hub);
    // The public meetings read and the governance example do not fail on a past tally today's records contradict.
    const after = await thePast(hub);
    expect(held(after)).toEqual(held(before));
    const item = (await consultation(hub)).agendaItems[0];
    expect(item.outcome.outcome).toBe("PASSED");
    expect(item.recomputed).toMatchObject({ outcome: null, tally: { votingMembers: 65, present: 66 } });
    expect(item.recomputed!.reasons[0].code).toBe("DISCREPANCY");
    expect(item.recomputed!.reasons[0].message).toContain("today's records cannot decide it");

    // The correction of the ledger: the thirteen years are unknown again; the mistake stays readable at its time.
    await openLedger(
      hub,
      mistaken.flatMap((government) => [2019, 2020].map((fiscalYear) => ({ government, fiscalYear, status: "UNKNOWN" }))),
    );
    expect((await consultation(hub)).agendaItems[0].recomputed).toBeNull();
    expect((await thePast(hub, mistake)).association.restrictedMembers).toHaveLength(13);
    expect(await thePast(hub)).toEqual(before);
  });

  it("a correction that would change a recorded outcome needs acknowledgeRecomputation, and both decisions stay readable", async () => {
    // A sitting of 45 present, 35 in favour of an admission: two thirds reached, recorded PASSED.
    const { agendaItemId } = await recordAssembly(hub, { day: "2020-11-02", title: "Test sitting", charterItem: 1, present: 45, yes: 35 });
    const recorded = await lastWriteAt(hub);
    // Then the book records 40 of the 45 as unpaid: today's records would give no quorum.
    const present = await membersBySlug(hub, 45);
    await openLedger(
      hub,
      present.slice(0, 40).flatMap((government) => [2019, 2020].map((fiscalYear) => ({ government, fiscalYear, status: "UNPAID" }))),
    );
    const item = (
      await hub.run<{ node: { meeting: { version: number }; outcome: { outcome: string }; recomputed: { outcome: string } } }>(
        `query ($id: ID!) { node(id: $id) { ... on AgendaItem { meeting { version } outcome { outcome } recomputed { outcome } } } }`,
        { id: agendaItemId },
      )
    ).data!.node;
    expect([item.outcome.outcome, item.recomputed.outcome]).toEqual(["PASSED", "FAILED_NO_QUORUM"]);

    // An admission stands on the outcome as recorded.
    const admitted = await mutate(hub, "admitGovernment", "AdmitGovernmentInput", "... on MembershipWriteSuccess { government { slug } }", {
      newGovernment: { slug: "kr-testburg", countryCode: "KR", nameEn: "Testburg", source: "test" },
      kind: "MEMBER",
      startedOn: "2020-11-02",
      agendaItem: agendaItemId,
    });
    expect(admitted).toMatchObject({ __typename: "MembershipWriteSuccess" });

    const correct = (acknowledge: boolean) =>
      mutate(
        hub,
        "correctDecision",
        "CorrectDecisionInput",
        "... on CorrectDecisionSuccess { agendaItem { outcome { outcome basis correctionReason } } }",
        {
          agendaItem: agendaItemId,
          version: item.meeting.version,
          reason: "test: the ledger shows most of those present had no vote",
          acknowledgeRecomputation: acknowledge,
        },
      );
    const refused = await correct(false);
    expect(refused).toMatchObject({ __typename: "InvalidInput", field: "input.acknowledgeRecomputation" });
    expect(String(refused.message)).toContain("from PASSED to FAILED_NO_QUORUM");
    expect(await correct(true)).toMatchObject({
      agendaItem: {
        outcome: {
          outcome: "FAILED_NO_QUORUM",
          basis: "CORRECTED",
          correctionReason: "test: the ledger shows most of those present had no vote",
        },
      },
    });
    const readAt = (at: string | null) =>
      hub.run<{ node: { outcome: { outcome: string } } }>(
        `query ($id: ID!, $at: Instant) { node(id: $id, asKnownOn: $at) { ... on AgendaItem { outcome { outcome } } } }`,
        { id: agendaItemId, at },
      );
    expect((await readAt(recorded)).data!.node.outcome.outcome).toBe("PASSED");
    expect((await readAt(null)).data!.node.outcome.outcome).toBe("FAILED_NO_QUORUM");
  });
});
