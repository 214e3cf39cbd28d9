import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";
import type { TestHub } from "../support/hub";
import { mutate } from "./support";

const CONTACT = "private-desk-7731@example.org";
const DRAFT_TITLE = "Unannounced visit 7731";

/** A contact for Akita and for a new staff member, and a draft event of committee sc-09: what a public client must never see. */
async function writePrivateData(hub: TestHub): Promise<{ draftId: string }> {
  const { government } = (await hub.run<{ government: { version: number } }>(`{ government(slug: "jp-akita") { version } }`)).data!;
  await mutate(hub, "updateGovernmentProfile", "UpdateGovernmentProfileInput", "", {
    government: "jp-akita",
    version: government.version,
    source: "test source",
    contact: CONTACT,
  });
  await mutate(hub, "appointStaff", "AppointStaffInput", "", {
    newPerson: { slug: "test-person", nameLatin: "Test Person", contact: CONTACT },
    post: "planning-pr-team-leader",
    startedOn: "2020-12-01",
    source: "test source",
  });
  const { committee } = (await hub.run<{ committee: { version: number } }>(`{ committee(slug: "sc-09") { version } }`)).data!;
  const draft = await mutate(hub, "recordCommitteeActivity", "RecordCommitteeActivityInput", "... on EventWriteSuccess { event { id } }", {
    committee: "sc-09",
    version: committee.version,
    event: { kind: "VISIT", titleEn: DRAFT_TITLE, startsOn: "2020-12-10", source: "test source", draft: true },
  });
  return { draftId: (draft["event"] as { id: string }).id };
}

describe("field-level privacy: a public client cannot see or infer a private field or a draft by any path", () => {
  const hub = useTestHub();

  it("private fields are null without an error for PUBLIC and PARTNER, and filled for SECRETARIAT and ADMIN", async () => {
    await writePrivateData(hub);
    const query = `{
      government(slug: "jp-akita") { contact }
      staffMember(slug: "test-person") { contact }
      notes: staffMember(slug: "sg-kim-ok-chae") { notes }
    }`;
    for (const role of ["PUBLIC", "PARTNER"] as const) {
      const result = await hub.run(query, undefined, { as: role });
      expect([role, result]).toEqual([
        role,
        { data: { government: { contact: null }, staffMember: { contact: null }, notes: { notes: null } }, extensions: expect.anything() },
      ]);
    }
    for (const role of ["SECRETARIAT", "ADMIN"] as const) {
      const result = await hub.run<{ government: { contact: string }; staffMember: { contact: string }; notes: { notes: string } }>(
        query,
        undefined,
        { as: role },
      );
      expect(result.data!.government.contact).toBe(CONTACT);
      expect(result.data!.staffMember.contact).toBe(CONTACT);
      expect(result.data!.notes.notes).toContain("Secretary-General");
    }
  });

  it("no filter or search reaches a private field: searching for a contact finds nothing, for anyone", async () => {
    await writePrivateData(hub);
    for (const role of ["PUBLIC", "SECRETARIAT"] as const) {
      const result = await hub.run<{ governments: { totalCount: number }; events: { totalCount: number } }>(
        `query ($t: String!) { governments(filter: { search: $t }) { totalCount } events(filter: { search: $t }) { totalCount } }`,
        { t: "private-desk-7731" },
        { as: role },
      );
      expect([role, result.data]).toEqual([role, { governments: { totalCount: 0 }, events: { totalCount: 0 } }]);
    }
  });

  it("a draft is absent for the public from lists, counts, every page's cursor, search and node(id)", async () => {
    const { draftId } = await writePrivateData(hub);
    const everything = async (role: "PUBLIC" | "SECRETARIAT") => {
      const titles: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (;;) {
        const page: {
          data?: {
            events: {
              totalCount: number;
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              nodes: { title: { text: string } }[];
            };
          } | null;
        } = await hub.run(
          `query ($after: String) { events(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { title(lang: "en") { text } } } }`,
          { after },
          { as: role },
        );
        total = page.data!.events.totalCount;
        titles.push(...page.data!.events.nodes.map((n) => n.title.text));
        if (!page.data!.events.pageInfo.hasNextPage) break;
        after = page.data!.events.pageInfo.endCursor;
      }
      return { total, titles };
    };
    const secretariat = await everything("SECRETARIAT");
    const publicView = await everything("PUBLIC");
    expect(secretariat.titles).toContain(DRAFT_TITLE);
    expect(publicView.titles).not.toContain(DRAFT_TITLE);
    expect([publicView.total, publicView.titles.length]).toEqual([secretariat.total - 1, secretariat.total - 1]);

    const lookups = `query ($id: ID!, $t: String!) {
      node(id: $id) { id }
      nodes(ids: [$id]) { id }
      events(filter: { search: $t }) { totalCount }
    }`;
    const hidden = await hub.run(lookups, { id: draftId, t: DRAFT_TITLE }, { as: "PUBLIC" });
    expect(hidden).toEqual({ data: { node: null, nodes: [null], events: { totalCount: 0 } }, extensions: expect.anything() });
    const seen = await hub.run<{ node: { id: string } | null }>(lookups, { id: draftId, t: DRAFT_TITLE }, { as: "SECRETARIAT" });
    expect(seen.data!.node).toEqual({ id: draftId });
  });

  it("an error names no private value: a partner's attempt to publish the draft is FORBIDDEN and says only what role is needed", async () => {
    const { draftId } = await writePrivateData(hub);
    const refused = await hub.run(
      `mutation ($id: ID!) { publishEvent(input: { event: $id, version: 1 }) { __typename } }`,
      { id: draftId },
      { as: "PARTNER" },
    );
    expect(refused.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect(JSON.stringify(refused)).not.toContain("7731");
  });
});
