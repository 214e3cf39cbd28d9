import { defineNodeType, integerKey } from "../../core/node-registry";
import type { AgendaItem } from "./agenda-item.entity";
import { AgendaItemDecisionResolver, DecisionEvaluationResolver, MeetingQuorumResolver } from "./decision.resolver";
import type { Meeting } from "./meeting.entity";
import { MeetingMutations } from "./meeting.mutations";
import { agendaItemById, meetingById } from "./meeting.loader";
import {
  AgendaItemResolver,
  AssociationAssembliesResolver,
  CommitteeMeetingsResolver,
  MeetingResolver,
  VoteRecordResolver,
} from "./meeting.resolver";

export { Meeting, MeetingFormat, MeetingStatus } from "./meeting.entity";
export { MeetingAttendance } from "./meeting-attendance.entity";
export { AgendaItem } from "./agenda-item.entity";
export { RecordedDecision } from "./recorded-decision.entity";
export { RecordedQuorum } from "./recorded-quorum.entity";
export { Vote, VoteChoice } from "./vote.entity";
export { ChairExtension } from "./chair-extension.entity";
export { CostReduction } from "./cost-reduction.entity";
export {
  agendaItemById,
  attendanceByMeeting,
  chairExtensions,
  costReductionsByMeeting,
  meetingById,
  meetingsByCommittee,
} from "./meeting.loader";
export { outcomeOf } from "./decision.service";
export { recordMissingDecisions } from "./decision.writes";

/** Meetings, their agenda items and votes, and what the charter makes of them: quorum, rules, outcomes (Art. 8, 9, 9-2). */
export const meetingResolvers = [
  MeetingResolver,
  AgendaItemResolver,
  VoteRecordResolver,
  CommitteeMeetingsResolver,
  AssociationAssembliesResolver,
  MeetingQuorumResolver,
  AgendaItemDecisionResolver,
  DecisionEvaluationResolver,
  MeetingMutations,
] as const;
export const meetingNodeTypes = [
  defineNodeType<Meeting, number>({ typename: "Meeting", keyOf: (r) => r.id, parseKey: integerKey, loader: meetingById }),
  defineNodeType<AgendaItem, number>({ typename: "AgendaItem", keyOf: (r) => r.id, parseKey: integerKey, loader: agendaItemById }),
];
