import { decide } from "../../charter";
import type { Decision, DecidingBody } from "../../charter";
import type { RequestContext } from "../../core/context";
import { yearOf } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { InputError, NotFoundError } from "../../core/errors";
import { CommitteeKind, committeeByKind, committeeById } from "../committee";
import { Government, governmentBySlug } from "../government";
import { VoteChoice, attendanceByMeeting, meetingsByCommittee, votesByAgendaItem } from "../meeting";
import type { AgendaItem, Meeting } from "../meeting";
import { TallySource } from "./governance.types";
import { applyRule, votingMemberIdsOn } from "./governance.service";

export interface Tally {
  votingMembers: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  source: TallySource;
}

/** Whether a General Assembly sits (or, as of `day`, is still planned to sit) in `day`'s year (Art. 9-2). */
export async function yearHasGeneralAssembly(ctx: RequestContext, day: IsoDate, excludeMeetingId?: number): Promise<boolean> {
  const assembly = await ctx.loaders.get(committeeByKind).load(CommitteeKind.GENERAL_ASSEMBLY);
  if (!assembly) return false;
  const sittings = await ctx.loaders.get(meetingsByCommittee).load(assembly.id);
  return sittings.some(
    (s) => s.id !== excludeMeetingId && yearOf(s.startsOn) === yearOf(day) && (s.postponedOn === null || day < s.postponedOn),
  );
}

export async function decidingBodyOf(ctx: RequestContext, meeting: Meeting): Promise<DecidingBody | null> {
  const committee = await ctx.loaders.get(committeeById).load(meeting.committeeId);
  if (committee?.kind === CommitteeKind.GENERAL_ASSEMBLY) return "GENERAL_ASSEMBLY";
  if (committee?.kind === CommitteeKind.WORKING_COMMITTEE) return "WORKING_COMMITTEE";
  return null;
}

/** The tally of an agenda item: counted from attendance and votes, or the counts the sources give. */
export async function tallyOf(ctx: RequestContext, meeting: Meeting, item: AgendaItem): Promise<Tally> {
  const voting = new Set(await votingMemberIdsOn(ctx, meeting.startsOn));
  if (item.recordedPresent !== null) {
    return {
      votingMembers: voting.size,
      present: item.recordedPresent,
      votesFor: item.recordedFor ?? 0,
      votesAgainst: item.recordedAgainst ?? 0,
      abstentions: item.recordedAbstain ?? 0,
      source: TallySource.RECORDED_COUNTS,
    };
  }
  const [attendance, votes] = await Promise.all([
    ctx.loaders.get(attendanceByMeeting).load(meeting.id),
    ctx.loaders.get(votesByAgendaItem).load(item.id),
  ]);
  return countTally(voting, attendance, votes);
}

/** Counts attendance and votes government by government; only governments with voting rights count (Art. 9(1)-(2)). */
export function countTally(
  voting: ReadonlySet<number>,
  presentIds: readonly number[],
  votes: readonly { governmentId: number; choice: VoteChoice }[],
): Tally {
  const counted = votes.filter((vote) => voting.has(vote.governmentId));
  const count = (choice: VoteChoice) => counted.filter((vote) => vote.choice === choice).length;
  return {
    votingMembers: voting.size,
    present: presentIds.filter((id) => voting.has(id)).length,
    votesFor: count(VoteChoice.FOR),
    votesAgainst: count(VoteChoice.AGAINST),
    abstentions: count(VoteChoice.ABSTAIN),
    source: TallySource.PER_GOVERNMENT,
  };
}

export async function decisionOf(ctx: RequestContext, meeting: Meeting, item: AgendaItem): Promise<Decision | null> {
  const body = await decidingBodyOf(ctx, meeting);
  if (body === null) return null;
  const [tally, hasAssembly] = await Promise.all([tallyOf(ctx, meeting, item), yearHasGeneralAssembly(ctx, meeting.startsOn, meeting.id)]);
  return applyRule(() =>
    decide({
      body,
      charterItem: item.charterItem,
      yearHasGeneralAssembly: hasAssembly,
      writtenConsultation: meeting.format === "WRITTEN_CONSULTATION",
      ...tally,
    }),
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
export async function resolveAttendance(ctx: RequestContext, attendance: readonly string[], prefix: string): Promise<Government[]> {
  const found = await ctx.loaders.get(governmentBySlug).loadMany(attendance);
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
  ctx: RequestContext,
  day: IsoDate,
  present: readonly Government[],
  votes: readonly ProposedVote[],
  prefix: string,
): Promise<{ government: Government; choice: VoteChoice }[]> {
  const presentBySlug = new Map(present.map((g) => [g.slug, g]));
  const found = await ctx.loaders.get(governmentBySlug).loadMany(votes.map((v) => v.government));
  const voting = new Set(await votingMemberIdsOn(ctx, day));
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
