import { ruleFor } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { ConflictError, InputError, NotFoundError } from "../../core/errors";
import { LoaderRegistry } from "../../core/loaders";
import { applyRule } from "../../core/reasons";
import { committeeBySlug } from "../committee";
import { governmentBySlug } from "../government";
import { AgendaItem } from "./agenda-item.entity";
import { ChairExtension } from "./chair-extension.entity";
import { resolveAttendance, resolveVotes } from "./decision.service";
import type { ProposedVote } from "./decision.service";
import { MeetingAttendance } from "./meeting-attendance.entity";
import { Meeting, MeetingStatus } from "./meeting.entity";
import type { MeetingFormat } from "./meeting.entity";
import { Vote } from "./vote.entity";

interface AgendaItemRecordInput {
  title: string;
  charterItem: number;
  votes: ProposedVote[];
  /** A chair extension this item decides (Charter Art. 7(1)). */
  extendsChair?: { government: string; from: IsoDate; until: IsoDate | null };
  source?: string | null;
}

export interface MeetingRecordInput {
  committee: string;
  title: string;
  format: MeetingFormat;
  startsOn: IsoDate;
  endsOn: IsoDate;
  host: string | null;
  number?: number | null;
  /** Slugs of the governments present; every vote must come from one of them. */
  attendance: string[];
  agendaItems: AgendaItemRecordInput[];
  source?: string | null;
}

/**
 * Records a held meeting, its attendance, agenda items and votes, inside the
 * caller's transaction (the mutation's, with its audit entry): every check runs
 * before the first write, and any failure rolls all of it back. Errors name the
 * input field (`agendaItems[0].votes[2].government`).
 */
export async function recordMeeting(writer: UnitOfWork, input: MeetingRecordInput): Promise<Meeting> {
  const tx = writer.em;
  {
    // The checks judge rights on the meeting day: "today" is that day.
    const uow: UnitOfWork = { ...writer, loaders: new LoaderRegistry({ em: tx, viewer: writer.viewer }), today: input.startsOn };
    const committee = await uow.loaders.get(committeeBySlug).load(input.committee);
    if (!committee) throw new NotFoundError(`committee: no committee "${input.committee}"`, "committee");
    const host = input.host === null ? null : await uow.loaders.get(governmentBySlug).load(input.host);
    if (input.host !== null && !host) throw new NotFoundError(`host: no government "${input.host}"`, "host");
    if (input.endsOn < input.startsOn) throw new InputError(`endsOn (${input.endsOn}) is before startsOn (${input.startsOn})`, "endsOn");
    if (input.title.trim() === "") throw new InputError("title must not be empty", "title");

    const same = await tx
      .getRepository(Meeting)
      .existsBy({ committeeId: committee.id, startsOn: input.startsOn, title: input.title.trim() });
    if (same) throw new ConflictError(`A meeting "${input.title.trim()}" of ${input.committee} on ${input.startsOn} is already recorded`);

    const present = await resolveAttendance(uow, input.attendance, "");
    const items = await Promise.all(
      input.agendaItems.map(async (item, index) => {
        applyRule(() => ruleFor(item.charterItem, "GENERAL_ASSEMBLY"), `agendaItems[${index}].`);
        const votes = await resolveVotes(uow, input.startsOn, present, item.votes, `agendaItems[${index}]`);
        const chairGovernment = item.extendsChair ? await uow.loaders.get(governmentBySlug).load(item.extendsChair.government) : null;
        if (item.extendsChair && !chairGovernment) {
          throw new NotFoundError(
            `agendaItems[${index}].extendsChair.government: no government "${item.extendsChair.government}"`,
            `agendaItems[${index}].extendsChair.government`,
          );
        }
        return { item, index, votes, chairGovernment };
      }),
    );

    const meeting = await tx.getRepository(Meeting).save(
      tx.getRepository(Meeting).create({
        committeeId: committee.id,
        number: input.number ?? null,
        title: input.title.trim(),
        format: input.format,
        status: MeetingStatus.HELD,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        startPrecision: DatePrecision.DAY,
        postponedOn: null,
        hostGovernmentId: host?.id ?? null,
        attendanceRecorded: true,
        location: null,
        source: input.source ?? null,
        notes: null,
      }),
    );
    if (present.length > 0) {
      await tx
        .getRepository(MeetingAttendance)
        .insert(present.map((government) => ({ meetingId: meeting.id, governmentId: government.id })));
    }
    for (const { item, index, votes, chairGovernment } of items) {
      const saved = await tx.getRepository(AgendaItem).save(
        tx.getRepository(AgendaItem).create({
          meetingId: meeting.id,
          seq: index + 1,
          title: item.title,
          charterItem: item.charterItem,
          recordedPresent: null,
          recordedFor: null,
          recordedAgainst: null,
          recordedAbstain: null,
          source: item.source ?? null,
          notes: null,
        }),
      );
      if (votes.length > 0) {
        await tx
          .getRepository(Vote)
          .insert(votes.map((vote) => ({ agendaItemId: saved.id, governmentId: vote.government.id, choice: vote.choice })));
      }
      if (item.extendsChair && chairGovernment) {
        await tx.getRepository(ChairExtension).insert({
          governmentId: chairGovernment.id,
          startsOn: item.extendsChair.from,
          until: item.extendsChair.until,
          agendaItemId: saved.id,
        });
      }
    }
    return meeting;
  }
}
