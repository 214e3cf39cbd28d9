import { countTally, decide, quorumRequired, recordedTally, ruleFor, yearOf } from "../../charter";
import type { Decision, DecidingBody, Tally } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { InputError, NotFoundError } from "../../core/errors";
import { applyRule, toReasons } from "../../core/reasons";
import { CommitteeKind, committeeById, committeeByKind } from "../committee";
import { Government, governmentBySlug } from "../government";
import { votingMemberIdsOn } from "../rights";
import type { AgendaItem } from "./agenda-item.entity";
import type { DecisionInput } from "./decision.inputs";
import { DecisionEvaluationType, DecisionRuleType, DecisionType, QuorumType, TallyType } from "./decision.types";
import type { Meeting } from "./meeting.entity";
import { attendanceByMeeting, meetingById, meetingsByCommittee, votesByAgendaItem } from "./meeting.loader";
import type { VoteChoice } from "./vote.entity";

/** Whether a General Assembly sits (or, as of `day`, is still planned to sit) in `day`'s year (Art. 9-2). */
async function yearHasGeneralAssembly(uow: UnitOfWork, day: IsoDate, excludeMeetingId?: number): Promise<boolean> {
  const assembly = await uow.loaders.get(committeeByKind).load(CommitteeKind.GENERAL_ASSEMBLY);
  if (!assembly) return false;
  const sittings = await uow.loaders.get(meetingsByCommittee).load(assembly.id);
  return sittings.some(
    (s) => s.id !== excludeMeetingId && yearOf(s.startsOn) === yearOf(day) && (s.postponedOn === null || day < s.postponedOn),
  );
}

/** The body deciding at a meeting, or null for bodies the charter gives no Art. 8 decisions to. */
async function decidingBodyOf(uow: UnitOfWork, meeting: Meeting): Promise<DecidingBody | null> {
  const committee = await uow.loaders.get(committeeById).load(meeting.committeeId);
  if (committee?.kind === CommitteeKind.GENERAL_ASSEMBLY) return "GENERAL_ASSEMBLY";
  if (committee?.kind === CommitteeKind.WORKING_COMMITTEE) return "WORKING_COMMITTEE";
  return null;
}

function toRule(charterItem: number, body: DecidingBody, argumentPrefix = ""): DecisionRuleType {
  return Object.assign(
    new DecisionRuleType(),
    applyRule(() => ruleFor(charterItem, body), argumentPrefix),
  );
}

function toDecision(decision: Decision): DecisionType {
  return Object.assign(new DecisionType(), { ...decision, reasons: toReasons(decision.reasons) });
}

/** Charter Art. 9(2) on the meeting day; `present` counts only governments with voting rights. */
export async function quorumOf(uow: UnitOfWork, meeting: Meeting): Promise<QuorumType> {
  const voting = new Set(await votingMemberIdsOn(uow, meeting.startsOn));
  const required = quorumRequired(voting.size);
  if (!meeting.attendanceRecorded)
    return Object.assign(new QuorumType(), { votingMembers: voting.size, present: null, required, met: null });
  const present = (await uow.loaders.get(attendanceByMeeting).load(meeting.id)).filter((id) => voting.has(id)).length;
  return Object.assign(new QuorumType(), { votingMembers: voting.size, present, required, met: present >= required });
}

/** The rule an agenda item is decided by; null at bodies other than the General Assembly and Working Committee. */
export async function ruleOf(uow: UnitOfWork, item: AgendaItem): Promise<DecisionRuleType | null> {
  const meeting = await uow.loaders.get(meetingById).load(item.meetingId);
  const body = meeting ? await decidingBodyOf(uow, meeting) : null;
  return body === null ? null : toRule(item.charterItem, body);
}

/** The tally of an agenda item: counted from attendance and votes, or the counts the sources give. */
async function tallyFor(uow: UnitOfWork, meeting: Meeting, item: AgendaItem): Promise<Tally> {
  const voting = new Set(await votingMemberIdsOn(uow, meeting.startsOn));
  if (item.recordedPresent !== null) {
    return recordedTally(voting.size, {
      present: item.recordedPresent,
      votesFor: item.recordedFor,
      votesAgainst: item.recordedAgainst,
      abstentions: item.recordedAbstain,
    });
  }
  const [attendance, votes] = await Promise.all([
    uow.loaders.get(attendanceByMeeting).load(meeting.id),
    uow.loaders.get(votesByAgendaItem).load(item.id),
  ]);
  return countTally(
    voting,
    attendance,
    votes.map((vote) => ({ government: vote.governmentId, choice: vote.choice })),
  );
}

async function meetingOf(uow: UnitOfWork, item: AgendaItem): Promise<Meeting> {
  const meeting = await uow.loaders.get(meetingById).load(item.meetingId);
  // The foreign key guarantees it; a miss means the row vanished under a running request.
  if (!meeting) throw new Error(`agenda item ${item.id} names meeting ${item.meetingId}, which does not exist`);
  return meeting;
}

export async function tallyOf(uow: UnitOfWork, item: AgendaItem): Promise<TallyType> {
  return Object.assign(new TallyType(), await tallyFor(uow, await meetingOf(uow, item), item));
}

/** Whether the item's decision stands (Charter Art. 9, 9-2): derived, never stored. */
export async function outcomeOf(uow: UnitOfWork, item: AgendaItem): Promise<DecisionType | null> {
  const meeting = await meetingOf(uow, item);
  const body = await decidingBodyOf(uow, meeting);
  if (body === null) return null;
  const [tally, hasAssembly] = await Promise.all([tallyFor(uow, meeting, item), yearHasGeneralAssembly(uow, meeting.startsOn, meeting.id)]);
  return toDecision(
    applyRule(() =>
      decide({
        body,
        charterItem: item.charterItem,
        yearHasGeneralAssembly: hasAssembly,
        writtenConsultation: meeting.format === "WRITTEN_CONSULTATION",
        ...tally,
      }),
    ),
  );
}

export interface ProposedVote {
  government: string;
  choice: VoteChoice;
}

function path(prefix: string, rest: string): string {
  return prefix === "" ? rest : `${prefix}.${rest}`;
}

/** Resolves the governments present: each known, each listed once. Errors name `prefix.attendance[i]`. */
export async function resolveAttendance(uow: UnitOfWork, attendance: readonly string[], prefix: string): Promise<Government[]> {
  const found = await uow.loaders.get(governmentBySlug).loadMany(attendance);
  const seen = new Set<string>();
  return attendance.map((slug, index) => {
    const at = path(prefix, `attendance[${index}]`);
    const government = found[index];
    if (!(government instanceof Government)) throw new NotFoundError(`${at}: no government "${slug}"`, at);
    if (seen.has(slug)) throw new InputError(`${at}: "${slug}" is listed twice`, at);
    seen.add(slug);
    return government;
  });
}

/**
 * Resolves the votes on one item: each from a government present, with voting
 * rights on `day`, at most once. Errors name `prefix.votes[i].government`.
 */
export async function resolveVotes(
  uow: UnitOfWork,
  day: IsoDate,
  present: readonly Government[],
  votes: readonly ProposedVote[],
  prefix: string,
): Promise<{ government: Government; choice: VoteChoice }[]> {
  const presentBySlug = new Map(present.map((g) => [g.slug, g]));
  const found = await uow.loaders.get(governmentBySlug).loadMany(votes.map((v) => v.government));
  const voting = new Set(await votingMemberIdsOn(uow, day));
  const voted = new Set<string>();
  return votes.map((vote, index) => {
    const at = path(prefix, `votes[${index}].government`);
    const government = found[index];
    if (!(government instanceof Government)) throw new NotFoundError(`${at}: no government "${vote.government}"`, at);
    if (!presentBySlug.has(vote.government)) throw new InputError(`${at}: "${vote.government}" voted but is not recorded as present`, at);
    if (voted.has(vote.government)) throw new InputError(`${at}: "${vote.government}" already voted on this item`, at);
    if (!voting.has(government.id))
      throw new InputError(`${at}: "${vote.government}" has no voting rights on ${day} (see its votingRights)`, at);
    voted.add(vote.government);
    return { government, choice: vote.choice };
  });
}

/** What-if: would this decision stand under the charter? Nothing is recorded. Errors name `input.…`. */
export async function evaluateDecision(uow: UnitOfWork, input: DecisionInput): Promise<DecisionEvaluationType> {
  const rule = toRule(input.charterItem, input.body, "input.");
  const present = await resolveAttendance(uow, input.attendance, "input");
  const votes = await resolveVotes(uow, input.date, present, input.votes, "input");
  const voting = new Set(await votingMemberIdsOn(uow, input.date));
  const tally = countTally(
    voting,
    present.map((g) => g.id),
    votes.map((v) => ({ government: v.government.id, choice: v.choice })),
  );
  const hasAssembly = await yearHasGeneralAssembly(uow, input.date);
  const decision = applyRule(
    () =>
      decide({
        body: input.body,
        charterItem: input.charterItem,
        yearHasGeneralAssembly: hasAssembly,
        writtenConsultation: input.writtenConsultation,
        ...tally,
      }),
    "input.",
  );
  return Object.assign(new DecisionEvaluationType(), {
    rule,
    tally: Object.assign(new TallyType(), tally),
    decision: toDecision(decision),
  });
}
