import type { UnitOfWork } from "../../core/context";
import { InputError, NotFoundError } from "../../core/errors";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { bumpVersion } from "../access";
import { governmentBySlug } from "../government";
import { votingMemberIdsOn } from "../rights";
import type { Written } from "../access";
import { AgendaItem } from "./agenda-item.entity";
import { resolveAttendance } from "./decision.service";
import { MeetingAttendance } from "./meeting-attendance.entity";
import { recordMeeting } from "./meeting-record.service";
import { recordDecisions } from "./decision.writes";
import { Meeting } from "./meeting.entity";
import { MeetingWriteSuccess, RecordVoteSuccess } from "./meeting.inputs";
import type { RecordAttendanceInput, RecordMeetingInput, RecordVoteInput } from "./meeting.inputs";
import { Vote } from "./vote.entity";
import { meetingChange } from "./meeting.changes";

/** `recordMeeting` as a mutation: the meeting, attendance, items and votes in the mutation's transaction. */
export async function recordMeetingWrite(uow: UnitOfWork, input: RecordMeetingInput): Promise<Written<MeetingWriteSuccess>> {
  const meeting = await recordMeeting(uow, {
    committee: input.committee,
    title: input.title,
    format: input.format,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    host: input.host,
    number: input.number ?? null,
    attendance: input.attendance,
    source: input.source ?? null,
    agendaItems: input.agendaItems.map((item) => ({
      title: item.title,
      charterItem: item.charterItem,
      votes: item.votes,
      source: item.source ?? null,
      ...(item.extendsChair ? { extendsChair: item.extendsChair } : {}),
    })),
  });
  const { recorded } = await recordDecisions(uow, meeting.id, { basis: "RECORDED", acknowledge: false, field: "input" });
  return {
    result: Object.assign(new MeetingWriteSuccess(), { meeting }),
    targets: [toGlobalId("Meeting", meeting.id)],
    changes: [meetingChange(meeting)],
    before: null,
    after: { meeting, decisions: recorded },
  };
}

/** Adds governments to a held meeting's attendance; each must be new to it. */
export async function recordAttendance(uow: UnitOfWork, input: RecordAttendanceInput): Promise<Written<MeetingWriteSuccess>> {
  const id = integerKeyOf(input.meeting, "Meeting", "input.meeting");
  if (input.governments.length === 0) throw new InputError("input.governments is empty: name at least one government", "input.governments");
  const meeting = await bumpVersion(uow.em, Meeting, "meeting", { id }, input.version);
  const present = await resolveAttendance(uow, input.governments, "input");
  const already = await uow.em.getRepository(MeetingAttendance).findBy({ meetingId: id });
  const known = new Set(already.map((a) => a.governmentId));
  present.forEach((government, index) => {
    if (known.has(government.id)) {
      throw new InputError(
        `input.governments[${index}]: "${government.slug}" is already recorded as present`,
        `input.governments[${index}]`,
      );
    }
  });
  await uow.em.getRepository(MeetingAttendance).insert(present.map((government) => ({ meetingId: id, governmentId: government.id })));
  await uow.em.getRepository(Meeting).update(id, { attendanceRecorded: true });
  const decisions = await recordDecisions(uow, id, {
    basis: "RECORDED",
    acknowledge: input.acknowledgeRecomputation,
    field: "input.acknowledgeRecomputation",
  });
  const after = await uow.em.getRepository(Meeting).findOneByOrFail({ id });
  return {
    result: Object.assign(new MeetingWriteSuccess(), { meeting: after }),
    targets: [toGlobalId("Meeting", id), ...decisions.recorded.map((d) => toGlobalId("AgendaItem", d.agendaItemId))],
    changes: [meetingChange(after)],
    before: { meeting, attendance: already.map((a) => a.governmentId), decisions: decisions.replaced },
    after: { meeting: after, added: present.map((g) => g.slug), decisions: decisions.recorded },
  };
}

/** Records one vote: from a government present, with voting rights on the meeting day, once per item. */
export async function recordVote(uow: UnitOfWork, input: RecordVoteInput): Promise<Written<RecordVoteSuccess>> {
  const itemId = integerKeyOf(input.agendaItem, "AgendaItem", "input.agendaItem");
  const item = await uow.em.getRepository(AgendaItem).findOneBy({ id: itemId });
  if (!item) throw new NotFoundError("input.agendaItem: no such agenda item", "input.agendaItem");
  const meeting = await bumpVersion(uow.em, Meeting, "meeting", { id: item.meetingId }, input.version);
  const government = await uow.loaders.get(governmentBySlug).load(input.government);
  if (!government) throw new NotFoundError(`input.government: no government "${input.government}"`, "input.government");
  const present = await uow.em.getRepository(MeetingAttendance).existsBy({ meetingId: meeting.id, governmentId: government.id });
  if (!present)
    throw new InputError(`input.government: "${input.government}" is not recorded as present at the meeting`, "input.government");
  const voting = await votingMemberIdsOn(uow, meeting.startsOn);
  if (!voting.includes(government.id)) {
    throw new InputError(
      `input.government: "${input.government}" has no voting rights on ${meeting.startsOn} (see its votingRights)`,
      "input.government",
    );
  }
  if (await uow.em.getRepository(Vote).existsBy({ agendaItemId: itemId, governmentId: government.id })) {
    throw new InputError(`input.government: "${input.government}" already voted on this item`, "input.government");
  }
  await uow.em.getRepository(Vote).insert({ agendaItemId: itemId, governmentId: government.id, choice: input.choice });
  const decisions = await recordDecisions(uow, meeting.id, {
    basis: "RECORDED",
    acknowledge: input.acknowledgeRecomputation,
    field: "input.acknowledgeRecomputation",
  });
  return {
    result: Object.assign(new RecordVoteSuccess(), { agendaItem: item }),
    targets: [toGlobalId("AgendaItem", itemId), toGlobalId("Meeting", meeting.id)],
    changes: [meetingChange(meeting)],
    before: { decisions: decisions.replaced },
    after: { vote: { agendaItem: itemId, government: government.slug, choice: input.choice }, decisions: decisions.recorded },
  };
}
