import { describe, expect, it } from "vitest";
import { GraphQLString, getNullableType } from "graphql";
import type { GraphQLInputObjectType } from "graphql";
import { buildHubSchema } from "../../src/graphql/schema";
import { toGlobalId } from "../../src/core/node";
import { MAX_INPUT_TEXT } from "../../src/modules/access/mutation";
import type { Role } from "../../src/core/viewer";
import { useTestHub } from "../support/hub";
import type { TestHub } from "../support/hub";
import { breakAuditLog, databaseState, mutate, mutateRaw, recordAssembly } from "./support";

type Input = Record<string, unknown>;

/**
 * One mutation under test: a valid input (made against the seeded 2020 facts), an
 * invalid one naming its field, one naming an unknown object, and one with a stale
 * version. The cases below run every one of them.
 */
interface MutationSpec {
  name: string;
  inputType: string;
  success: string;
  valid: (hub: TestHub) => Promise<Input>;
  invalid: (valid: Input) => [Input, string];
  /** Null where the input names no object (nothing to be unknown). */
  unknown: ((valid: Input) => [Input, string]) | null;
  /** Null where the write changes no versioned row (a plain addition). */
  stale: ((valid: Input) => Input) | null;
  /** The required input field the "missing field" case leaves out. */
  required: string;
  /** Who may make the write; SECRETARIAT by default. */
  role?: Role;
  /** The day the write is made on, where the facts' last day (the tests' today) allows no valid input. */
  now?: Date;
}

const UNKNOWN_ID = 999_999;

async function one<T>(hub: TestHub, query: string, variables?: Record<string, unknown>, as: Role = "SECRETARIAT"): Promise<T> {
  const result = await hub.run<T>(query, variables, { as });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const governmentVersion = async (hub: TestHub, slug: string) =>
  (
    await one<{ government: { id: string; version: number } }>(hub, `query ($s: String!) { government(slug: $s) { id version } }`, {
      s: slug,
    })
  ).government;

const committeeVersion = async (hub: TestHub, slug: string) =>
  (await one<{ committee: { version: number } }>(hub, `query ($s: String!) { committee(slug: $s) { version } }`, { s: slug })).committee
    .version;

const SPECS: MutationSpec[] = [
  {
    name: "setNames",
    inputType: "SetNamesInput",
    success: "... on SetNamesSuccess { government { slug alternativeNames { lang name source } } }",
    required: "source",
    valid: async (hub) => {
      const akita = await governmentVersion(hub, "jp-akita");
      return { id: akita.id, version: akita.version, names: [{ lang: "JA", name: "秋田けん", primary: false }], source: "test source" };
    },
    invalid: (v) => [{ ...v, names: [] }, "input.names"],
    unknown: (v) => [{ ...v, id: toGlobalId("Government", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "updateGovernmentProfile",
    inputType: "UpdateGovernmentProfileInput",
    success: "... on UpdateGovernmentProfileSuccess { government { slug headOfGovernment contact version } }",
    required: "source",
    valid: async (hub) => ({
      government: "jp-akita",
      version: (await governmentVersion(hub, "jp-akita")).version,
      source: "test source",
      headOfGovernment: "Test Governor",
      contact: "test-desk@example.org",
    }),
    invalid: (v) => [{ ...v, website: "ftp://example.org" }, "input.website"],
    unknown: (v) => [{ ...v, government: "xx-nowhere" }, "input.government"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "admitGovernment",
    inputType: "AdmitGovernmentInput",
    success: "... on MembershipWriteSuccess { government { slug } membership { kind startedOn admittedBy } }",
    required: "agendaItem",
    valid: async (hub) => {
      const { agendaItemId } = await recordAssembly(hub, {
        day: "2020-12-01",
        title: "Test assembly",
        charterItem: 1,
        present: 60,
        yes: 60,
      });
      return {
        newGovernment: { slug: "kr-testville", countryCode: "KR", nameEn: "Testville", source: "test source" },
        kind: "MEMBER",
        startedOn: "2020-12-02",
        agendaItem: agendaItemId,
      };
    },
    invalid: (v) => [{ ...v, startedOn: "2020-11-30" }, "input.startedOn"],
    unknown: (v) => [{ ...v, agendaItem: toGlobalId("AgendaItem", UNKNOWN_ID) }, "input.agendaItem"],
    stale: (v) => ({ agendaItem: v["agendaItem"], kind: "MEMBER", startedOn: "2020-12-02", government: "jp-akita", version: 999 }),
  },
  {
    name: "changeMembershipKind",
    inputType: "ChangeMembershipKindInput",
    success: "... on MembershipWriteSuccess { membership { kind startedOn } }",
    required: "from",
    valid: async (hub) => {
      const { government } = await one<{ government: { membership: { id: string; version: number } } }>(
        hub,
        `{ government(slug: "jp-akita") { membership(asOf: "2020-12-31") { id version } } }`,
      );
      return { membership: government.membership.id, version: government.membership.version, kind: "OBSERVER", from: "2020-12-01" };
    },
    invalid: (v) => [{ ...v, from: "2018-01-01" }, "input.from"],
    unknown: (v) => [{ ...v, membership: toGlobalId("Membership", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "endMembership",
    inputType: "EndMembershipInput",
    success: "... on MembershipWriteSuccess { membership { endedOn } }",
    required: "endedOn",
    valid: async (hub) => {
      const { government } = await one<{ government: { membership: { id: string; version: number } } }>(
        hub,
        `{ government(slug: "jp-akita") { membership(asOf: "2020-12-31") { id version } } }`,
      );
      return { membership: government.membership.id, version: government.membership.version, endedOn: "2020-12-30", source: "test source" };
    },
    invalid: (v) => [{ ...v, endedOn: "2000-01-01" }, "input.endedOn"],
    unknown: (v) => [{ ...v, membership: toGlobalId("Membership", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "openDuesLedger",
    inputType: "OpenDuesLedgerInput",
    success: "... on OpenDuesLedgerSuccess { association { version } entries { fiscalYear status source } governments { slug } }",
    required: "source",
    valid: async (hub) => ({
      entries: [
        { government: "jp-akita", fiscalYear: 2019, status: "UNPAID" },
        { government: "jp-tottori", fiscalYear: 2019, status: "PAID" },
      ],
      source: "test: the secretariat's ledger book",
      version: (await one<{ association: { version: number } }>(hub, "{ association { version } }")).association.version,
    }),
    invalid: (v) => [{ ...v, entries: [{ government: "jp-akita", fiscalYear: 2016, status: "UNPAID" }] }, "input.entries[0].fiscalYear"],
    unknown: (v) => [{ ...v, entries: [{ government: "jp-nowhere", fiscalYear: 2019, status: "UNPAID" }] }, "input.entries[0].government"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "recordDuesPayment",
    inputType: "RecordDuesPaymentInput",
    success: "... on RecordDuesPaymentSuccess { payment { fiscalYear reference } government { slug } }",
    required: "reference",
    valid: async (hub) => ({
      government: "jp-akita",
      version: (await governmentVersion(hub, "jp-akita")).version,
      fiscalYear: 2020,
      amountMinor: "1180000",
      currency: "KRW",
      creditedUsdCents: 100_000,
      paidOn: "2020-03-02",
      reference: "TEST-2020-001",
    }),
    invalid: (v) => [{ ...v, amountMinor: "-5" }, "input.amountMinor"],
    unknown: (v) => [{ ...v, government: "xx-nowhere" }, "input.government"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "recordDuesWaiver",
    inputType: "RecordDuesWaiverInput",
    success: "... on RecordDuesWaiverSuccess { waiver { fiscalYear waivedUsdCents reason } }",
    required: "reason",
    valid: async (hub) => ({
      government: "jp-akita",
      version: (await governmentVersion(hub, "jp-akita")).version,
      fiscalYear: 2020,
      waivedUsdCents: 50_000,
      reason: "test reason",
      decidedOn: "2020-06-01",
    }),
    invalid: (v) => [{ ...v, waivedUsdCents: 0 }, "input.waivedUsdCents"],
    unknown: (v) => [{ ...v, government: "xx-nowhere" }, "input.government"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "recordMeeting",
    inputType: "RecordMeetingInput",
    success: "... on MeetingWriteSuccess { meeting { title attendance { slug } } }",
    required: "startsOn",
    valid: async () => ({
      committee: "working-committee",
      title: "Test session",
      format: "SITTING",
      startsOn: "2020-11-02",
      endsOn: "2020-11-02",
      host: "kr-gyeongbuk",
      attendance: ["kr-gyeongbuk", "jp-akita"],
      agendaItems: [],
    }),
    invalid: (v) => [{ ...v, endsOn: "2020-11-01" }, "endsOn"],
    unknown: (v) => [{ ...v, committee: "no-such-committee" }, "committee"],
    stale: null,
  },
  {
    name: "recordAttendance",
    inputType: "RecordAttendanceInput",
    success: "... on MeetingWriteSuccess { meeting { attendance { slug } attendanceRecorded } }",
    required: "governments",
    valid: async (hub) => {
      const { meetings } = await one<{ meetings: { nodes: { id: string; version: number }[] } }>(
        hub,
        `{ meetings(first: 1, filter: { committee: "general-assembly" }) { nodes { id version } } }`,
      );
      return { meeting: meetings.nodes[0].id, version: meetings.nodes[0].version, governments: ["jp-akita"] };
    },
    invalid: (v) => [{ ...v, governments: [] }, "input.governments"],
    unknown: (v) => [{ ...v, meeting: toGlobalId("Meeting", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "createApiKey",
    inputType: "CreateApiKeyInput",
    success: "... on CreateApiKeySuccess { key { id label role prefix expiresAt } secret }",
    required: "label",
    role: "ADMIN",
    valid: async () => ({ role: "PARTNER", label: "test: a partner site", expiresAt: "2099-12-31" }),
    invalid: (v) => [{ ...v, label: " " }, "input.label"],
    unknown: null,
    stale: null,
  },
  {
    name: "revokeApiKey",
    inputType: "RevokeApiKeyInput",
    success: "... on RevokeApiKeySuccess { key { id revokedAt } }",
    required: "id",
    role: "ADMIN",
    valid: async (hub) => {
      const made = await run(hub, SPECS.find((spec) => spec.name === "createApiKey")!, { role: "PARTNER", label: "test: a key to revoke" });
      return { id: Number((made["key"] as { id: string }).id) };
    },
    invalid: () => [{ id: -1 }, "input.id"],
    unknown: () => [{ id: UNKNOWN_ID }, "input.id"],
    stale: null,
  },
  {
    name: "registerWebhook",
    inputType: "RegisterWebhookInput",
    success: "... on RegisterWebhookSuccess { webhook { id url events } secret }",
    required: "url",
    role: "ADMIN",
    valid: async () => ({
      url: "https://partner.example/near-events",
      label: "test: a partner site",
      events: ["MEMBERSHIP_CHANGED"],
      filter: { countries: ["KR"] },
    }),
    invalid: (v) => [{ ...v, url: "ftp://partner.example/near-events" }, "input.url"],
    unknown: (v) => [{ ...v, filter: { committees: ["no-such-committee"] } }, "input.filter.committees"],
    stale: null,
  },
  {
    name: "removeWebhook",
    inputType: "RemoveWebhookInput",
    success: "... on RemoveWebhookSuccess { webhook { id removedAt } }",
    required: "webhook",
    role: "ADMIN",
    valid: async (hub) => {
      const made = await run(hub, SPECS.find((spec) => spec.name === "registerWebhook")!, {
        url: "https://partner.example/to-remove",
        label: "test: a webhook to remove",
        events: ["MEETING_RECORDED"],
      });
      const webhook = made["webhook"] as { id: string };
      return { webhook: webhook.id, version: 1 };
    },
    invalid: (v) => [{ ...v, webhook: "nope" }, "input.webhook"],
    unknown: (v) => [{ ...v, webhook: toGlobalId("Webhook", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "correctDecision",
    inputType: "CorrectDecisionInput",
    success: "... on CorrectDecisionSuccess { agendaItem { outcome { outcome basis correctionReason } } }",
    required: "reason",
    valid: async (hub) => {
      const { meetings } = await one<{ meetings: { nodes: { version: number; agendaItems: { id: string }[] }[] } }>(
        hub,
        `{ meetings(filter: { committee: "working-committee" }) { nodes { version agendaItems { id } } } }`,
      );
      const consultation = meetings.nodes.find((m) => m.agendaItems.length > 0)!;
      return { agendaItem: consultation.agendaItems[0].id, version: consultation.version, reason: "test: the tally was checked again" };
    },
    invalid: (v) => [{ ...v, reason: " " }, "input.reason"],
    unknown: (v) => [{ ...v, agendaItem: toGlobalId("AgendaItem", UNKNOWN_ID) }, "input.agendaItem"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "recordVote",
    inputType: "RecordVoteInput",
    success: "... on RecordVoteSuccess { agendaItem { votes { government { slug } choice } } }",
    required: "choice",
    valid: async (hub) => {
      const recorded = await mutate(
        hub,
        "recordMeeting",
        "RecordMeetingInput",
        "... on MeetingWriteSuccess { meeting { version agendaItems { id } } }",
        {
          committee: "working-committee",
          title: "Test vote session",
          format: "SITTING",
          startsOn: "2020-11-03",
          endsOn: "2020-11-03",
          host: null,
          attendance: ["kr-busan", "jp-akita"],
          agendaItems: [{ title: "Work plan", charterItem: 7, votes: [] }],
        },
      );
      const meeting = recorded["meeting"] as { version: number; agendaItems: { id: string }[] };
      return { agendaItem: meeting.agendaItems[0].id, version: meeting.version, government: "kr-busan", choice: "FOR" };
    },
    invalid: (v) => [{ ...v, government: "jp-tottori" }, "input.government"],
    unknown: (v) => [{ ...v, agendaItem: toGlobalId("AgendaItem", UNKNOWN_ID) }, "input.agendaItem"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "appointStaff",
    inputType: "AppointStaffInput",
    success: "... on AppointmentWriteSuccess { appointment { staffMember { slug contact } post { slug } startedOn status } }",
    required: "post",
    valid: async () => ({
      newPerson: { slug: "test-person", nameLatin: "Test Person", contact: "test-person@example.org" },
      post: "planning-pr-team-leader",
      startedOn: "2020-12-01",
      dispatchedBy: "kr-gyeongbuk",
      source: "test source",
    }),
    invalid: (v) => [{ ...v, startedOn: "2021-06-01" }, "input.startedOn"],
    unknown: (v) => [{ ...v, post: "no-such-post" }, "input.post"],
    stale: null,
  },
  {
    name: "endAppointment",
    inputType: "EndAppointmentInput",
    success: "... on AppointmentWriteSuccess { appointment { status endedOn } }",
    required: "endedOn",
    valid: async (hub) => {
      const { staffMember } = await one<{ staffMember: { appointments: { id: string; version: number; status: string }[] } }>(
        hub,
        `{ staffMember(slug: "jeong-pil-ran") { appointments { id version status } } }`,
      );
      const current = staffMember.appointments.find((a) => a.status === "CURRENT")!;
      return { appointment: current.id, version: current.version, endedOn: "2020-12-30", source: "test source" };
    },
    invalid: (v) => [{ ...v, endedOn: "2000-01-01" }, "input.endedOn"],
    unknown: (v) => [{ ...v, appointment: toGlobalId("Appointment", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "appointCoordinator",
    inputType: "AppointCoordinatorInput",
    success: "... on AppointCoordinatorSuccess { term { government { slug } startedOn } }",
    required: "government",
    valid: async (hub) => ({
      committee: "sc-09",
      version: await committeeVersion(hub, "sc-09"),
      government: "kr-busan",
      startedOn: "2020-06-01",
      source: "test source",
    }),
    invalid: (v) => [{ ...v, startedOn: "2009-06-01" }, "input.startedOn"],
    unknown: (v) => [{ ...v, government: "xx-nowhere" }, "input.government"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "recordCommitteeActivity",
    inputType: "RecordCommitteeActivityInput",
    success: "... on EventWriteSuccess { event { title { text } committee { slug } draft } }",
    required: "event",
    valid: async (hub) => ({
      committee: "sc-09",
      version: await committeeVersion(hub, "sc-09"),
      event: { kind: "MEETING", titleEn: "Test committee meeting", startsOn: "2020-10-05", source: "test source" },
    }),
    invalid: (v) => [{ ...v, event: { ...(v["event"] as Input), titleEn: " " } }, "input.event.titleEn"],
    unknown: (v) => [{ ...v, committee: "no-such-committee" }, "input.committee"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "addPartner",
    inputType: "AddPartnerInput",
    success: "... on PartnerWriteSuccess { partner { slug relation website } }",
    required: "relation",
    valid: async () => ({
      slug: "test-partner",
      nameEn: "Test Partner",
      relation: "PARTNER",
      website: "https://example.org/",
      source: "test source",
    }),
    invalid: (v) => [{ ...v, website: "example.org" }, "input.website"],
    unknown: null,
    stale: null,
  },
  {
    name: "updatePartner",
    inputType: "UpdatePartnerInput",
    success: "... on PartnerWriteSuccess { partner { description version } }",
    required: "source",
    valid: async (hub) => {
      const { partners } = await one<{ partners: { nodes: { id: string; version: number }[] } }>(
        hub,
        "{ partners(first: 1) { nodes { id version } } }",
      );
      return {
        partner: partners.nodes[0].id,
        version: partners.nodes[0].version,
        description: "Test description",
        source: "test source",
      };
    },
    invalid: (v) => [{ ...v, relation: null }, "input.relation"],
    unknown: (v) => [{ ...v, partner: toGlobalId("PartnerOrganisation", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "recordEvent",
    inputType: "EventInput",
    success: "... on EventWriteSuccess { event { title { text } draft } }",
    required: "kind",
    valid: async () => ({ kind: "SEMINAR", titleEn: "Test seminar", startsOn: "2020-12-01", source: "test source" }),
    invalid: (v) => [{ ...v, endsOn: "2020-11-30" }, "input.endsOn"],
    unknown: null,
    stale: null,
  },
  {
    name: "publishEvent",
    inputType: "PublishEventInput",
    success: "... on EventWriteSuccess { event { title { text } draft } }",
    required: "event",
    valid: async (hub) => {
      const draft = await mutate(hub, "recordEvent", "EventInput", "... on EventWriteSuccess { event { id version } }", {
        kind: "SEMINAR",
        titleEn: "Test draft seminar",
        startsOn: "2020-12-01",
        source: "test source",
        draft: true,
      });
      const event = draft["event"] as { id: string; version: number };
      return { event: event.id, version: event.version };
    },
    invalid: () => [{ event: toGlobalId("Event", 1), version: 1 }, "input.event"],
    unknown: (v) => [{ ...v, event: toGlobalId("Event", UNKNOWN_ID) }, "input.id"],
    stale: (v) => ({ ...v, version: 999 }),
  },
  {
    name: "moveFactsHorizon",
    inputType: "MoveFactsHorizonInput",
    success: "... on MoveFactsHorizonSuccess { about { factsCompleteUntil } }",
    required: "source",
    now: new Date("2021-06-30T12:00:00Z"),
    valid: async (hub) => ({
      factsCompleteUntil: "2021-03-31",
      source: "test: the 2021 first-quarter report",
      version: (await one<{ association: { version: number } }>(hub, "{ association { version } }")).association.version,
    }),
    invalid: (v) => [{ ...v, factsCompleteUntil: "2020-06-30" }, "input.factsCompleteUntil"],
    unknown: null,
    stale: (v) => ({ ...v, version: 999 }),
  },
];

function run(hub: TestHub, spec: MutationSpec, input: Input, role: Role = spec.role ?? "SECRETARIAT") {
  return mutate(hub, spec.name, spec.inputType, spec.success, input, role, spec.now);
}

describe("every mutation", () => {
  const hub = useTestHub();
  const state = () => hub.withEntityManager(databaseState);

  it("covers every mutation in the schema", async () => {
    const { __schema } = await one<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      hub,
      "{ __schema { mutationType { fields { name } } } }",
    );
    expect(__schema.mutationType.fields.map((f) => f.name).sort()).toEqual(SPECS.map((s) => s.name).sort());
  });

  describe.each(SPECS.map((spec) => [spec.name, spec] as const))("%s", (_name, spec) => {
    it("writes, with one audit entry naming the key, the operation, the input, before and after, and versions at its instant", async () => {
      const input = await spec.valid(hub);
      const answer = await run(hub, spec, input);
      expect(answer).toMatchObject({ __typename: expect.stringMatching(/Success$/) });
      const { auditLog } = await one<{
        auditLog: {
          nodes: { operation: string; actorLabel: string; actorRole: string; input: unknown; after: unknown; targetIds: string[] }[];
        };
      }>(hub, "{ auditLog(first: 1) { nodes { operation actorLabel actorRole input after targetIds } } }", undefined, "ADMIN");
      const role = spec.role ?? "SECRETARIAT";
      expect(auditLog.nodes[0]).toMatchObject({ operation: spec.name, actorLabel: `test ${role.toLowerCase()}`, actorRole: role });
      // The input as the resolver received it: every field the client sent is there (enums in their stored form).
      expect(Object.keys(auditLog.nodes[0].input as object)).toEqual(expect.arrayContaining(Object.keys(input)));
      expect(auditLog.nodes[0].after).not.toBeNull();
      expect(auditLog.nodes[0].targetIds.length).toBeGreaterThan(0);
    });

    it("refuses an invalid field, naming it, and writes nothing", async () => {
      const [input, field] = spec.invalid(await spec.valid(hub));
      const before = await state();
      const answer = await run(hub, spec, input);
      expect(answer).toMatchObject({ __typename: "InvalidInput", code: "BAD_USER_INPUT", field });
      expect(answer.message).toContain(field.replace(/^input\./, ""));
      expect(await state()).toEqual(before);
    });

    it("refuses input missing a required field before running anything", async () => {
      const input = await spec.valid(hub);
      const { [spec.required]: _left, ...rest } = input;
      const before = await state();
      const result = await mutateRaw(hub, spec.name, spec.inputType, spec.success, rest, spec.role);
      expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toContain(spec.required);
      expect(await state()).toEqual(before);
    });

    it("refuses a replay of the same write (a duplicate), and the database keeps the first only", async () => {
      const input = await spec.valid(hub);
      expect((await run(hub, spec, input)).__typename).toMatch(/Success$/);
      const after = await state();
      const replay = await run(hub, spec, input);
      expect(replay.__typename).toMatch(/^(Conflict|InvalidInput)$/);
      expect(await state()).toEqual(after);
    });

    it("is UNAUTHENTICATED without a key and FORBIDDEN to a partner's key, and writes nothing", async () => {
      const input = await spec.valid(hub);
      const before = await state();
      const anonymous = await mutateRaw(hub, spec.name, spec.inputType, spec.success, input, "PUBLIC");
      const partner = await mutateRaw(hub, spec.name, spec.inputType, spec.success, input, "PARTNER");
      expect([anonymous.errors?.[0]?.extensions?.["code"], partner.errors?.[0]?.extensions?.["code"]]).toEqual([
        "UNAUTHENTICATED",
        "FORBIDDEN",
      ]);
      expect([anonymous.data ?? null, partner.data ?? null]).toEqual([null, null]);
      expect(await state()).toEqual(before);
    });

    it("leaves the database exactly as before when the audit insert fails mid-transaction", async () => {
      const input = await spec.valid(hub);
      await hub.withEntityManager(breakAuditLog);
      const before = await state();
      const result = await mutateRaw(hub, spec.name, spec.inputType, spec.success, input, spec.role, spec.now);
      expect(result.errors?.[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } });
      expect(await state()).toEqual(before);
    });
  });

  // Only where the input names an existing object: openDuesLedger, addPartner and recordEvent name none.
  describe.each(SPECS.filter((spec) => spec.unknown !== null).map((spec) => [spec.name, spec] as const))("%s", (_name, spec) => {
    it("answers NotFound for an unknown object, and writes nothing", async () => {
      const [input, field] = spec.unknown!(await spec.valid(hub));
      const before = await state();
      const answer = await run(hub, spec, input);
      expect(answer).toMatchObject({ __typename: "NotFound", code: "NOT_FOUND", field });
      expect(await state()).toEqual(before);
    });
  });

  // Only where the write changes a versioned row: recordMeeting, appointStaff, addPartner and recordEvent only add rows.
  describe.each(SPECS.filter((spec) => spec.stale !== null).map((spec) => [spec.name, spec] as const))("%s", (_name, spec) => {
    it("answers Conflict with the current version for a stale one, and writes nothing", async () => {
      const valid = await spec.valid(hub);
      const input = spec.stale!(valid);
      const before = await state();
      const answer = await run(hub, spec, input);
      // The version stored now: the one the valid input read (admitGovernment's stale case names a known government at version 1).
      expect(answer).toMatchObject({
        __typename: "Conflict",
        code: "CONFLICT",
        currentVersion: (valid["version"] as number | undefined) ?? 1,
      });
      expect(await state()).toEqual(before);
    });
  });
});

describe("a write that changes nothing", () => {
  const hub = useTestHub();
  const auditCount = async () =>
    (await one<{ auditLog: { totalCount: number } }>(hub, "{ auditLog(first: 1) { totalCount } }", undefined, "ADMIN")).auditLog.totalCount;

  for (const name of ["updateGovernmentProfile", "updatePartner", "setNames"]) {
    it(`${name}: asked again with the same values, answers success with no new version and no audit entry`, async () => {
      const spec = SPECS.find((candidate) => candidate.name === name)!;
      const input = await spec.valid(hub);
      expect(await run(hub, spec, input)).toMatchObject({ __typename: expect.stringMatching(/Success$/) });
      const again = { ...input, version: await currentVersion(hub, name, input) };
      const [entries, before] = [await auditCount(), await hub.withEntityManager(databaseState)];
      expect(await run(hub, spec, again)).toMatchObject({ __typename: expect.stringMatching(/Success$/) });
      expect(await auditCount()).toBe(entries);
      expect(await hub.withEntityManager(databaseState)).toEqual(before);
    });
  }
});

/** The version a second write of `name` must send: the target's, as the first write left it. */
async function currentVersion(hub: TestHub, name: string, input: Input): Promise<number> {
  if (name === "updatePartner") {
    const { node } = await one<{ node: { version: number } }>(
      hub,
      `query ($id: ID!) { node(id: $id) { ... on PartnerOrganisation { version } } }`,
      {
        id: input["partner"],
      },
    );
    return node.version;
  }
  return (await governmentVersion(hub, "jp-akita")).version;
}

/** A free text field of a mutation's input (`source` where it has one): an ID, enum or date is refused by GraphQL before the write runs. */
function freeTextOf(inputTypeName: string): string | undefined {
  const inputType = buildHubSchema().getType(inputTypeName) as GraphQLInputObjectType;
  const texts = Object.values(inputType.getFields()).filter((field) => getNullableType(field.type) === GraphQLString);
  return texts.find((field) => field.name === "source")?.name ?? texts[0]?.name;
}

describe("every mutation with a free text", () => {
  const hub = useTestHub();
  const withText = SPECS.flatMap((spec) => {
    const text = freeTextOf(spec.inputType);
    return text === undefined ? [] : [[spec.name, spec, text] as const];
  });

  it("is most of them", () => {
    expect(withText.length).toBeGreaterThan(SPECS.length / 2);
  });

  describe.each(withText)("%s", (_name, spec, text) => {
    it("refuses a text longer than the limit, naming its field, and writes nothing", async () => {
      const input = await spec.valid(hub);
      const before = await hub.withEntityManager(databaseState);
      const answer = await run(hub, spec, { ...input, [text]: "x".repeat(MAX_INPUT_TEXT + 1) });
      expect(answer).toMatchObject({ __typename: "InvalidInput", code: "BAD_USER_INPUT", field: `input.${text}` });
      expect(answer.message).toBe(`input.${text} must hold at most ${MAX_INPUT_TEXT} characters, got ${MAX_INPUT_TEXT + 1}`);
      expect(await hub.withEntityManager(databaseState)).toEqual(before);
    });
  });
});
