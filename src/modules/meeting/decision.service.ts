import { CharterInputError, countTally, decide, discrepancyOf, quorumRequired, recordedTally, ruleFor, yearOf } from "../../charter";
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
import {
  DecisionEvaluationType,
  DecisionRecomputationType,
  DecisionRuleType,
  DecisionType,
  QuorumType,
  RecordedDecisionType,
  TallyType,
} from "./decision.types";
import type { Meeting } from "./meeting.entity";
import {
  attendanceByMeeting,
  meetingById,
  meetingsByCommittee,
  recordedDecisionByAgendaItem,
  recordedQuorumByMeeting,
  votesByAgendaItem,
} from "./meeting.loader";
import type { RecordedDecision } from "./recorded-decision.entity";
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

/** The quorum the records known now give a meeting (Charter Art. 9(2)); `present` counts only governments with voting rights. */
async function quorumOnRecords(uow: UnitOfWork, meeting: Meeting): Promise<{ votingMembers: number; present: number | null }> {
  const voting = new Set(await votingMemberIdsOn(uow, meeting.startsOn));
  if (!meeting.attendanceRecorded) return { votingMembers: voting.size, present: null };
  const present = (await uow.loaders.get(attendanceByMeeting).load(meeting.id)).filter((id) => voting.has(id)).length;
  return { votingMembers: voting.size, present };
}

function toQuorum(counts: { votingMembers: number; present: number | null }, recorded: boolean): QuorumType {
  const required = quorumRequired(counts.votingMembers);
  return Object.assign(new QuorumType(), {
    ...counts,
    required,
    met: counts.present === null ? null : counts.present >= required,
    recorded,
  });
}

/** The meeting's quorum as recorded with its decisions; for a meeting with none recorded, as the records known now give it. */
export async function quorumOf(uow: UnitOfWork, meeting: Meeting): Promise<QuorumType> {
  const recorded = await uow.loaders.get(recordedQuorumByMeeting).load(meeting.id);
  return recorded ? toQuorum(recorded, true) : toQuorum(await quorumOnRecords(uow, meeting), false);
}

/** The rule an agenda item is decided by; null at bodies other than the General Assembly and Working Committee. */
export async function ruleOf(uow: UnitOfWork, item: AgendaItem): Promise<DecisionRuleType | null> {
  const meeting = await uow.loaders.get(meetingById).load(item.meetingId);
  const body = meeting ? await decidingBodyOf(uow, meeting) : null;
  return body === null ? null : toRule(item.charterItem, body);
}

/** The tally of an agenda item on the records known now: counted from attendance and votes, or the counts the sources give. */
async function tallyOnRecords(uow: UnitOfWork, meeting: Meeting, item: AgendaItem): Promise<Tally> {
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

function recordedTallyOf(record: RecordedDecision): Tally {
  return {
    votingMembers: record.votingMembers,
    present: record.present,
    votesFor: record.votesFor,
    votesAgainst: record.votesAgainst,
    abstentions: record.abstentions,
    source: record.tallySource,
  };
}

/** The item's tally as recorded with its decision; for an item with none (a body deciding nothing), on the records known now. */
export async function tallyOf(uow: UnitOfWork, item: AgendaItem): Promise<TallyType> {
  const recorded = await uow.loaders.get(recordedDecisionByAgendaItem).load(item.id);
  const tally = recorded ? recordedTallyOf(recorded) : await tallyOnRecords(uow, await meetingOf(uow, item), item);
  return Object.assign(new TallyType(), tally);
}

/** What the charter decides of an item on the records known now (Charter Art. 9, 9-2), with what it was decided on. */
export interface DecisionOnRecords {
  body: DecidingBody;
  yearHasGeneralAssembly: boolean;
  writtenConsultation: boolean;
  tally: Tally;
  decision: Decision;
}

/**
 * The item decided on the records `uow` sees; null at a body deciding nothing. Throws
 * the charter's input error when the counts contradict each other (more recorded
 * present than governments with voting rights).
 */
export async function decideOnRecords(uow: UnitOfWork, meeting: Meeting, item: AgendaItem): Promise<DecisionOnRecords | null> {
  const body = await decidingBodyOf(uow, meeting);
  if (body === null) return null;
  const [tally, hasAssembly] = await Promise.all([
    tallyOnRecords(uow, meeting, item),
    yearHasGeneralAssembly(uow, meeting.startsOn, meeting.id),
  ]);
  const writtenConsultation = meeting.format === "WRITTEN_CONSULTATION";
  const decision = decide({ body, charterItem: item.charterItem, yearHasGeneralAssembly: hasAssembly, writtenConsultation, ...tally });
  return { body, yearHasGeneralAssembly: hasAssembly, writtenConsultation, tally, decision };
}

/** Whether the item's decision stands (Charter Art. 9, 9-2): as recorded, never derived again on read. */
export async function outcomeOf(uow: UnitOfWork, item: AgendaItem): Promise<RecordedDecisionType | null> {
  const recorded = await uow.loaders.get(recordedDecisionByAgendaItem).load(item.id);
  return recorded && Object.assign(new RecordedDecisionType(), recorded);
}

/**
 * What the records known now would decide of a recorded item, where that differs from
 * the record (the reason says how: DISCREPANCY, TALLY_DIFFERS); null where they agree
 * or nothing is recorded. Never fails: counts today's records contradict are said so.
 */
export async function recomputedOf(uow: UnitOfWork, item: AgendaItem): Promise<DecisionRecomputationType | null> {
  const recorded = await uow.loaders.get(recordedDecisionByAgendaItem).load(item.id);
  if (!recorded) return null;
  const meeting = await meetingOf(uow, item);
  let today: DecisionOnRecords | null = null;
  let why: string | undefined;
  try {
    today = await decideOnRecords(uow, meeting, item);
  } catch (error) {
    if (!(error instanceof CharterInputError)) throw error;
    why = error.message;
  }
  const tally = today?.tally ?? (await tallyOnRecords(uow, meeting, item));
  const outcome = today?.decision.outcome ?? null;
  const decidedOn = recorded.decidedAt.toISOString().slice(0, 10);
  const discrepancy = discrepancyOf({ ...recordedTallyOf(recorded), outcome: recorded.outcome, decidedOn }, { ...tally, outcome }, why);
  if (discrepancy === null) return null;
  return Object.assign(new DecisionRecomputationType(), {
    outcome,
    tally: Object.assign(new TallyType(), tally),
    arithmetic: today?.decision.arithmetic ?? null,
    reasons: toReasons([discrepancy, ...(today?.decision.reasons ?? [])]),
  });
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
