import { describe, expect, it } from "vitest";
import { AgendaItem, Meeting, MeetingFormat, Vote, VoteChoice } from "../../src/modules/meeting";
import { useTestHub } from "../support/hub";
import type { TestHub } from "../support/hub";

const RECORD_MEETING = `mutation ($input: RecordMeetingInput!) {
  recordMeeting(input: $input) {
    __typename
    ... on MeetingWriteSuccess { meeting { id startsOn } }
    ... on MutationProblem { code message }
    ... on InvalidInput { field }
    ... on NotFound { field }
  }
}`;

type RecordMeetingAnswer = {
  recordMeeting: { __typename: string; meeting?: { id: string; startsOn: string }; code?: string; message?: string; field?: string };
};

async function recordMeeting(hub: TestHub, input: Record<string, unknown>): Promise<RecordMeetingAnswer["recordMeeting"]> {
  const result = await hub.run<RecordMeetingAnswer>(RECORD_MEETING, { input }, { as: "SECRETARIAT" });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.recordMeeting;
}

const KR = ["kr-busan", "kr-daegu", "kr-incheon", "kr-gwangju", "kr-daejeon", "kr-ulsan"];

describe("recording a meeting", () => {
  const hub = useTestHub();

  it("records attendance and votes, and derives quorum and outcome from them", async () => {
    const recorded = await recordMeeting(hub, {
      committee: "working-committee",
      title: "Working Committee, 2019 session",
      format: MeetingFormat.SITTING,
      startsOn: "2019-09-02",
      endsOn: "2019-09-02",
      host: "kr-gyeongbuk",
      attendance: [...KR, "vn-ho-chi-minh-city"],
      agendaItems: [
        {
          title: "Approve the 2020 work plan",
          charterItem: 7,
          votes: KR.map((government, i) => ({ government, choice: i < 4 ? VoteChoice.FOR : VoteChoice.AGAINST })),
        },
      ],
    });
    expect(recorded.__typename).toBe("MeetingWriteSuccess");
    const id = recorded.meeting!.id;
    const result = await hub.run(
      `query ($id: ID!) { node(id: $id) { ... on Meeting {
        attendance { slug }
        quorum { votingMembers present required met }
        agendaItems { tally { present votesFor votesAgainst source } outcome { outcome arithmetic reasons { code } } votes { government { slug } choice } }
      } } }`,
      { id },
    );
    expect(result.data).toEqual({
      node: {
        attendance: [...KR, "vn-ho-chi-minh-city"].sort().map((slug) => ({ slug })),
        // The associate attends but is not counted: the quorum is of voting members (Art. 9(2)).
        quorum: { votingMembers: 78, present: 6, required: 40, met: false },
        agendaItems: [
          {
            tally: { present: 6, votesFor: 4, votesAgainst: 2, source: "PER_GOVERNMENT" },
            outcome: {
              outcome: "FAILED_NO_QUORUM",
              arithmetic:
                "quorum: 6 present of 78 with voting rights, 40 needed (more than half); in favour: 4, needed more than half of 6 present = 4",
              // 2019 had no General Assembly, so the budget and work plans (item 7) fall to the Working Committee (Art. 9-2).
              reasons: [{ code: "MAJORITY_RULE" }, { code: "DELEGATED_TO_WORKING_COMMITTEE" }, { code: "NO_QUORUM" }],
            },
            votes: KR.map((slug, i) => ({ government: { slug }, choice: i < 4 ? "FOR" : "AGAINST" })),
          },
        ],
      },
    });
  });

  it.each([
    [
      "a vote by a government absent from the meeting",
      { votes: [{ government: "jp-tottori", choice: VoteChoice.FOR }] },
      "agendaItems[0].votes[0].government",
      'agendaItems[0].votes[0].government: "jp-tottori" voted but is not recorded as present',
      "BAD_USER_INPUT",
    ],
    [
      "two votes by one government on one item",
      {
        votes: [
          { government: "kr-busan", choice: VoteChoice.FOR },
          { government: "kr-busan", choice: VoteChoice.AGAINST },
        ],
      },
      "agendaItems[0].votes[1].government",
      'agendaItems[0].votes[1].government: "kr-busan" already voted on this item',
      "BAD_USER_INPUT",
    ],
    [
      "a vote by an associate, which has no vote",
      { votes: [{ government: "vn-ho-chi-minh-city", choice: VoteChoice.FOR }] },
      "agendaItems[0].votes[0].government",
      'agendaItems[0].votes[0].government: "vn-ho-chi-minh-city" has no voting rights on 2019-09-02 (see its votingRights)',
      "BAD_USER_INPUT",
    ],
    [
      "an unknown government",
      { votes: [{ government: "xx-atlantis", choice: VoteChoice.FOR }] },
      "agendaItems[0].votes[0].government",
      'agendaItems[0].votes[0].government: no government "xx-atlantis"',
      "NOT_FOUND",
    ],
    [
      "an item outside Charter Art. 8",
      { charterItem: 12, votes: [] },
      "agendaItems[0].charterItem",
      "agendaItems[0].charterItem must be an item of Charter Art. 8, 1 to 11, got 12",
      "BAD_USER_INPUT",
    ],
  ])("refuses %s, naming the field, and writes nothing", async (_case, item, field, message, code) => {
    const count = () => hub.withEntityManager(async (em) => [await em.count(Meeting), await em.count(AgendaItem), await em.count(Vote)]);
    const before = await count();
    const problem = await recordMeeting(hub, {
      committee: "working-committee",
      title: "Working Committee, 2019 session",
      format: MeetingFormat.SITTING,
      startsOn: "2019-09-02",
      endsOn: "2019-09-02",
      host: null,
      attendance: [...KR, "vn-ho-chi-minh-city"],
      agendaItems: [{ title: "Approve the budget", charterItem: 7, ...item }],
    });
    expect(problem).toEqual({ __typename: code === "NOT_FOUND" ? "NotFound" : "InvalidInput", code, message, field });
    expect(await count()).toEqual(before);
  });
});

describe("evaluateDecision", () => {
  const hub = useTestHub();
  const query = `query ($input: DecisionInput!) { evaluateDecision(input: $input) { rule { majority } tally { votingMembers present votesFor } decision { outcome votesRequired } } }`;

  it("applies two thirds to an admission by the General Assembly", async () => {
    const members = (
      await hub.run<{ governments: { nodes: { slug: string }[] } }>(
        `{ governments(first: 100, filter: { kinds: [MEMBER], asOf: "2020-12-31" }) { nodes { slug } } }`,
      )
    ).data!.governments.nodes.map((n) => n.slug);
    const present = members.slice(0, 60);
    const result = await hub.run(query, {
      input: {
        body: "GENERAL_ASSEMBLY",
        date: "2020-12-31",
        charterItem: 1,
        attendance: present,
        votes: present.map((government, i) => ({ government, choice: i < 40 ? "FOR" : "AGAINST" })),
      },
    });
    expect(result.data).toEqual({
      evaluateDecision: {
        rule: { majority: "TWO_THIRDS" },
        tally: { votingMembers: 78, present: 60, votesFor: 40 },
        decision: { outcome: "PASSED", votesRequired: 40 },
      },
    });
  });

  it("refuses a vote from a government not present, naming the input field", async () => {
    const result = await hub.run(query, {
      input: {
        body: "WORKING_COMMITTEE",
        date: "2020-07-01",
        charterItem: 9,
        attendance: ["kr-busan"],
        votes: [{ government: "kr-daegu", choice: "FOR" }],
      },
    });
    expect(result.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual([
      {
        message: 'input.votes[0].government: "kr-daegu" voted but is not recorded as present',
        extensions: { code: "BAD_USER_INPUT", argumentName: "input.votes[0].government" },
      },
    ]);
  });

  it("refuses a date in an unparseable format with BAD_USER_INPUT", async () => {
    const result = await hub.run(query, {
      input: { body: "WORKING_COMMITTEE", date: "1 July 2020", charterItem: 9, attendance: [], votes: [] },
    });
    expect(result.errors?.map((e) => e.extensions?.["code"])).toEqual(["BAD_USER_INPUT"]);
    expect(result.errors?.[0]?.message).toContain('Invalid date "1 July 2020": expected a calendar day as YYYY-MM-DD');
  });
});
