import { In } from "typeorm";
import { CharterInputError } from "../../charter";
import type { DecisionBasis } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import { InputError, NotFoundError } from "../../core/errors";
import { LoaderRegistry } from "../../core/loaders";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { requiredText } from "../../core/inputs";
import { bumpVersion } from "../access";
import type { Written } from "../access";
import { AgendaItem } from "./agenda-item.entity";
import { decideOnRecords } from "./decision.service";
import type { DecisionOnRecords } from "./decision.service";
import { CorrectDecisionSuccess } from "./meeting.inputs";
import type { CorrectDecisionInput } from "./meeting.inputs";
import { attendanceByMeeting } from "./meeting.loader";
import { Meeting, MeetingStatus } from "./meeting.entity";
import { RecordedDecision } from "./recorded-decision.entity";
import { RecordedQuorum } from "./recorded-quorum.entity";
import { votingMemberIdsOn } from "../rights";
import { meetingChange } from "./meeting.changes";

export interface DecideOptions {
  basis: DecisionBasis;
  /** The write says it may change a recorded outcome (`acknowledgeRecomputation`); otherwise such a change refuses it. */
  acknowledge: boolean;
  /** The input field that acknowledges, for the refusal. */
  field: string;
  /** Decide this item only (a correction); every item of the meeting otherwise. */
  agendaItemId?: number;
  correctionReason?: string;
}

type DecisionRow = Omit<RecordedDecision, "decidedAt">;

function rowOf(itemId: number, decided: DecisionOnRecords, options: DecideOptions): DecisionRow {
  const { decision, tally } = decided;
  return Object.assign(new RecordedDecision(), {
    agendaItemId: itemId,
    outcome: decision.outcome,
    body: decided.body,
    yearHasGeneralAssembly: decided.yearHasGeneralAssembly,
    writtenConsultation: decided.writtenConsultation,
    votingMembers: tally.votingMembers,
    present: tally.present,
    votesFor: tally.votesFor,
    votesAgainst: tally.votesAgainst,
    abstentions: tally.abstentions,
    tallySource: tally.source,
    quorumRequired: decision.quorumRequired,
    quorumMet: decision.quorumMet,
    votesRequired: decision.votesRequired,
    arithmetic: decision.arithmetic,
    // Sentences written now, as they read when decided.
    reasons: decision.reasons.map((r) => ({ code: r.code, article: r.article, message: r.message })),
    basis: options.basis,
    correctionReason: options.correctionReason ?? null,
  });
}

/** Whether two decisions say the same: outcome, counts, arithmetic and reasons (the instant and basis aside). */
function sameDecision(a: DecisionRow, b: DecisionRow): boolean {
  const said = (row: DecisionRow) =>
    JSON.stringify([
      row.outcome,
      row.body,
      row.yearHasGeneralAssembly,
      row.writtenConsultation,
      row.votingMembers,
      row.present,
      row.votesFor,
      row.votesAgainst,
      row.abstentions,
      row.tallySource,
      row.quorumRequired,
      row.quorumMet,
      row.votesRequired,
      row.arithmetic,
      row.reasons.map((r) => [r.code, r.article, r.message]),
    ]);
  return said(a) === said(b);
}

/**
 * Decides a held meeting's agenda items, and its quorum, on the records the write sees
 * (its own included), and records what differs from what was recorded: a decision is
 * taken when its sitting is recorded (or its record completed), never on read. A
 * change of a recorded outcome needs the write to say so (`options.acknowledge`),
 * else the whole write is refused naming the items; the earlier decisions stay
 * readable with `asKnownOn`. Returns the decisions it replaced and recorded.
 */
export async function recordDecisions(
  writer: UnitOfWork,
  meetingId: number,
  options: DecideOptions,
): Promise<{ replaced: RecordedDecision[]; recorded: DecisionRow[] }> {
  const { em } = writer;
  // Fresh loaders: the write's own rows (attendance, votes) are part of what is decided on.
  const uow: UnitOfWork = { ...writer, loaders: new LoaderRegistry({ em, viewer: writer.viewer }) };
  const meeting = await em.getRepository(Meeting).findOneByOrFail({ id: meetingId });
  if (meeting.status !== MeetingStatus.HELD) return { replaced: [], recorded: [] };
  const items = (await em.getRepository(AgendaItem).find({ where: { meetingId }, order: { seq: "ASC" } })).filter(
    (item) => options.agendaItemId === undefined || item.id === options.agendaItemId,
  );
  const existing = new Map(
    (await em.getRepository(RecordedDecision).findBy({ agendaItemId: In(items.map((item) => item.id)) })).map((row) => [
      row.agendaItemId,
      row,
    ]),
  );
  const replaced: RecordedDecision[] = [];
  const recorded: DecisionRow[] = [];
  const flips: string[] = [];
  for (const item of items) {
    let decided: DecisionOnRecords | null;
    try {
      decided = await decideOnRecords(uow, meeting, item);
    } catch (error) {
      if (error instanceof CharterInputError) throw new InputError(`agenda item "${item.title}": ${error.message}`, options.field);
      throw error;
    }
    if (decided === null) continue;
    const row = rowOf(item.id, decided, options);
    const before = existing.get(item.id);
    if (before && sameDecision(before, row) && options.basis !== "CORRECTED") continue;
    if (before && before.outcome !== row.outcome && !options.acknowledge) {
      flips.push(`"${item.title}" from ${before.outcome} to ${row.outcome}`);
    }
    if (before) replaced.push(before);
    recorded.push(row);
  }
  if (flips.length > 0) {
    throw new InputError(
      `${options.field}: this write would change the recorded outcome of ${flips.join("; ")}. Send ${options.field.split(".").pop()}: true to record the change; the earlier decision stays readable with asKnownOn.`,
      options.field,
    );
  }
  if (recorded.length > 0) await em.getRepository(RecordedDecision).save(recorded);

  const voting = new Set(await votingMemberIdsOn(uow, meeting.startsOn));
  const present = meeting.attendanceRecorded
    ? (await uow.loaders.get(attendanceByMeeting).load(meeting.id)).filter((id) => voting.has(id)).length
    : null;
  const quorum = await em.getRepository(RecordedQuorum).findOneBy({ meetingId });
  if (!quorum || quorum.votingMembers !== voting.size || quorum.present !== present) {
    await em.getRepository(RecordedQuorum).save({ meetingId, votingMembers: voting.size, present });
  }
  return { replaced, recorded };
}

/**
 * Records the decisions of every held meeting that has none yet: the seeds' sittings
 * as they are loaded (basis RECORDED), and on a database kept before decisions were
 * records, its sittings at the next start (DECIDED_AT_UPGRADE). Returns how many
 * meetings it decided.
 */
export async function recordMissingDecisions(uow: UnitOfWork, basis: DecisionBasis): Promise<number> {
  const rows: { id: number }[] = await uow.em.query(
    `SELECT m.id FROM meeting m
      WHERE m.status = 'HELD' AND NOT EXISTS (SELECT 1 FROM recorded_quorum q WHERE q.meeting_id = m.id)
      ORDER BY m.starts_on, m.id`,
  );
  for (const { id } of rows) await recordDecisions(uow, id, { basis, acknowledge: true, field: "meeting" });
  return rows.length;
}

/**
 * Decides one agenda item again on the records known now and records that decision
 * (basis CORRECTED, with the reason): how the secretariat settles a DISCREPANCY. A
 * changed outcome needs `acknowledgeRecomputation`; the earlier decision stays readable.
 */
export async function correctDecision(uow: UnitOfWork, input: CorrectDecisionInput): Promise<Written<CorrectDecisionSuccess>> {
  const itemId = integerKeyOf(input.agendaItem, "AgendaItem", "input.agendaItem");
  const reason = requiredText(input.reason, "input.reason");
  const item = await uow.em.getRepository(AgendaItem).findOneBy({ id: itemId });
  if (!item) throw new NotFoundError("input.agendaItem: no such agenda item", "input.agendaItem");
  const meeting = await bumpVersion(uow.em, Meeting, "meeting", { id: item.meetingId }, input.version);
  const { replaced, recorded } = await recordDecisions(uow, item.meetingId, {
    basis: "CORRECTED",
    acknowledge: input.acknowledgeRecomputation,
    field: "input.acknowledgeRecomputation",
    agendaItemId: itemId,
    correctionReason: reason,
  });
  if (recorded.length === 0) {
    throw new InputError("input.agendaItem: the item's body decides nothing, so there is no decision to correct", "input.agendaItem");
  }
  return {
    result: Object.assign(new CorrectDecisionSuccess(), { agendaItem: item }),
    targets: [toGlobalId("AgendaItem", itemId), toGlobalId("Meeting", item.meetingId)],
    changes: [meetingChange(meeting)],
    before: { decision: replaced[0] ?? null },
    after: { decision: recorded[0] },
  };
}
