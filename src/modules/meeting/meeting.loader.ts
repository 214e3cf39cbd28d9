import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, loaderById, manyByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { AgendaItem } from "./agenda-item.entity";
import { ChairExtension } from "./chair-extension.entity";
import { CostReduction } from "./cost-reduction.entity";
import { Meeting } from "./meeting.entity";
import { MeetingAttendance } from "./meeting-attendance.entity";
import { Vote } from "./vote.entity";

export const meetingById = loaderById(Meeting);
export const agendaItemById = loaderById(AgendaItem);

/** Every meeting of each committee, earliest first. */
export function meetingsByCommittee({ em }: LoaderScope): DataLoader<number, Meeting[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Meeting).find({ where: { committeeId: Any([...ids]) }, order: { startsOn: "ASC", id: "ASC" } });
    return manyByKey(ids, rows, (row) => row.committeeId);
  });
}

/** The governments present at each meeting, by id. */
export function attendanceByMeeting({ em }: LoaderScope): DataLoader<number, number[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(MeetingAttendance).find({ where: { meetingId: Any([...ids]) }, order: { governmentId: "ASC" } });
    return manyByKey(ids, rows, (row) => row.meetingId).map((list) => list.map((row) => row.governmentId));
  });
}

export function agendaItemsByMeeting({ em }: LoaderScope): DataLoader<number, AgendaItem[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(AgendaItem).find({ where: { meetingId: Any([...ids]) }, order: { meetingId: "ASC", seq: "ASC" } });
    return manyByKey(ids, rows, (row) => row.meetingId);
  });
}

export function votesByAgendaItem({ em }: LoaderScope): DataLoader<number, Vote[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Vote).find({ where: { agendaItemId: Any([...ids]) }, order: { governmentId: "ASC" } });
    return manyByKey(ids, rows, (row) => row.agendaItemId);
  });
}

export function costReductionsByMeeting({ em }: LoaderScope): DataLoader<number, CostReduction[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(CostReduction).find({ where: { meetingId: Any([...ids]) } });
    return manyByKey(ids, rows, (row) => row.meetingId);
  });
}

/** Every recorded chair extension: a handful of rows, read once per request. */
export function chairExtensions({ em }: LoaderScope): DataLoader<"all", ChairExtension[]> {
  return createLoader(async (keys) => {
    const rows = await em.getRepository(ChairExtension).find({ order: { startsOn: "ASC" } });
    return keys.map(() => rows);
  });
}
