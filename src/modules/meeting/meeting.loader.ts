import type DataLoader from "dataloader";
import { keyedReader } from "../../core/reads/keyed-rows";
import { createLoader, loaderById, manyByColumn, manyByKey, oneByColumn } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { AgendaItem } from "./agenda-item.entity";
import { ChairExtension } from "./chair-extension.entity";
import { CostReduction } from "./cost-reduction.entity";
import { Meeting } from "./meeting.entity";
import { MeetingAttendance } from "./meeting-attendance.entity";
import { RecordedDecision } from "./recorded-decision.entity";
import { RecordedQuorum } from "./recorded-quorum.entity";
import { Vote } from "./vote.entity";

export const meetingById = loaderById(Meeting);
export const agendaItemById = loaderById(AgendaItem);

/** Every meeting of each committee, earliest first. */
export const meetingsByCommittee = manyByColumn(Meeting, "committeeId", {
  order: [
    ["startsOn", "ASC"],
    ["id", "ASC"],
  ],
});

/** The governments present at each meeting, by id. */
const readAttendance = keyedReader(MeetingAttendance, "meetingId", { order: [["governmentId", "ASC"]] });

export function attendanceByMeeting({ em }: LoaderScope): DataLoader<number, number[]> {
  return createLoader(async (ids) =>
    manyByKey(ids, await readAttendance(em, ids), (row) => row.meetingId).map((list) => list.map((row) => row.governmentId)),
  );
}

export const agendaItemsByMeeting = manyByColumn(AgendaItem, "meetingId", { order: [["seq", "ASC"]] });

export const votesByAgendaItem = manyByColumn(Vote, "agendaItemId", { order: [["governmentId", "ASC"]] });

export const costReductionsByMeeting = manyByColumn(CostReduction, "meetingId", { order: [["id", "ASC"]] });

/** Every recorded chair extension: a handful of rows, read once per request. */
export function chairExtensions({ em }: LoaderScope): DataLoader<"all", ChairExtension[]> {
  return createLoader(async (keys) => {
    const rows = await em.getRepository(ChairExtension).find({ order: { startsOn: "ASC" } });
    return keys.map(() => rows);
  });
}

/** Each agenda item's decision as recorded (none at a body deciding nothing). */
export const recordedDecisionByAgendaItem = oneByColumn(RecordedDecision, "agendaItemId");

/** Each meeting's quorum as recorded with its decisions. */
export const recordedQuorumByMeeting = oneByColumn(RecordedQuorum, "meetingId");
