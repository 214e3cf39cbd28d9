import { defineNodeType, integerKey } from "../../core/node-registry";
import type { AgendaItem } from "./agenda-item.entity";
import type { Meeting } from "./meeting.entity";
import { agendaItemById, meetingById } from "./meeting.loader";
import { AgendaItemResolver, CommitteeMeetingsResolver, MeetingResolver, VoteRecordResolver } from "./meeting.resolver";

export { Meeting, MeetingFormat, MeetingStatus } from "./meeting.entity";
export { MeetingAttendance } from "./meeting-attendance.entity";
export { AgendaItem } from "./agenda-item.entity";
export { Vote, VoteChoice } from "./vote.entity";
export { ChairExtension } from "./chair-extension.entity";
export { CostReduction } from "./cost-reduction.entity";
export {
  agendaItemById,
  agendaItemsByMeeting,
  attendanceByMeeting,
  chairExtensions,
  costReductionsByMeeting,
  meetingById,
  meetingsByCommittee,
  votesByAgendaItem,
} from "./meeting.loader";

export const meetingResolvers = [MeetingResolver, AgendaItemResolver, VoteRecordResolver, CommitteeMeetingsResolver] as const;
export const meetingNodeTypes = [
  defineNodeType<Meeting, number>({ typename: "Meeting", keyOf: (r) => r.id, parseKey: integerKey, loader: meetingById }),
  defineNodeType<AgendaItem, number>({ typename: "AgendaItem", keyOf: (r) => r.id, parseKey: integerKey, loader: agendaItemById }),
];
