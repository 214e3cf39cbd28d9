import { join } from "node:path";
import type { EntityManager } from "typeorm";
import { Committee, CommitteeKind, CoordinatorTerm } from "../modules/committee";
import type { Government } from "../modules/government";
import { AgendaItem, ChairExtension, Meeting, MeetingFormat, MeetingStatus } from "../modules/meeting";
import { cell, readCsv } from "./csv";
import {
  BODIES,
  COMMITTEE_MEETINGS,
  COORDINATOR_TERMS,
  ESTABLISHED_IN_NOTES,
  GENERAL_ASSEMBLIES,
  WRITTEN_CONSULTATION_2020,
} from "./curated";
import { upsertByKey } from "./upsert";
import type { TableReport } from "./upsert";
import { mustGet, ordinal, partial, required } from "./values";

export async function seedCommittees(
  em: EntityManager,
  dir: string,
  governments: Map<string, Government>,
  reports: TableReport[],
): Promise<Map<string, Committee>> {
  const specialised = readCsv(join(dir, "committees.csv")).map((row) => {
    const number = Number(required(row, "number"));
    const established = cell(row, "established");
    const fromNotes = ESTABLISHED_IN_NOTES[number];
    const establishedDate = partial(/^[\d-]+/.exec(established ?? "")?.[0] ?? fromNotes?.year ?? null, "start");
    const renamed = cell(row, "renamed_or_merged");
    const renamedOn = renamed !== null && renamed.startsWith("renamed") ? (/\d{4}-\d{2}-\d{2}/.exec(renamed)?.[0] ?? null) : null;
    const deleted = row["status"] === "DELETED";
    const regulationNote = cell(row, "regulation_note_zh");
    return {
      slug: `sc-${String(number).padStart(2, "0")}`,
      kind: CommitteeKind.SPECIALISED,
      number,
      // The report prints no names for the abolished three: "(deleted)" is not a name.
      nameEn: deleted ? null : cell(row, "name_en"),
      nameZh: deleted ? null : cell(row, "name_zh"),
      establishedOn: establishedDate.date,
      establishedPrecision: establishedDate.precision,
      attestedOn: null,
      history:
        [established, renamed, fromNotes && `created ${fromNotes.year} (notes: "${fromNotes.quote}")`].filter(Boolean).join("; ") || null,
      renamedOn,
      abolishedOn: cell(row, "deleted"),
      regulationNoteZh: regulationNote === "(none)" ? null : regulationNote,
      source: "R2020 (committee regulation)",
      notes: cell(row, "notes"),
    } satisfies Partial<Committee>;
  });
  const bodies = BODIES.map(({ established, attested, ...body }) => ({
    ...body,
    number: null,
    establishedOn: established,
    establishedPrecision: established === null ? null : partial(established, "start").precision,
    attestedOn: attested,
    renamedOn: null,
    abolishedOn: null,
    regulationNoteZh: null,
    notes: null,
  }));
  const { byKey, report } = await upsertByKey(em, Committee, [...bodies, ...specialised], (c) => c.slug!);
  reports.push(report);

  const sourceRows = new Map(readCsv(join(dir, "committees.csv")).map((row) => [Number(row["number"]), row]));
  const seqs = new Map<string, number>();
  const terms = COORDINATOR_TERMS.map((term) => {
    const row = mustGet(sourceRows, term.committee, "committee number");
    const committee = mustGet(byKey, `sc-${String(term.committee).padStart(2, "0")}`, "committee");
    const government = mustGet(governments, term.government, "government");
    const pairKey = `${committee.id}/${government.id}`;
    const seq = (seqs.get(pairKey) ?? 0) + 1;
    seqs.set(pairKey, seq);
    const start = partial(term.start, "start");
    const end = partial(term.end, "end");
    const attested = term.attested === undefined ? null : partial(term.attested, "end").date;
    return {
      committeeId: committee.id,
      governmentId: government.id,
      seq,
      startedOn: start.date,
      startPrecision: start.precision,
      endedOn: end.date,
      endPrecision: end.precision,
      attestedOn: start.date === null ? attested : null,
      sourceSpeaksFor: cell(row, "coordinator_as_of"),
      source: cell(row, "coordinator_source"),
      notes: term.notes ?? null,
    } satisfies Partial<CoordinatorTerm>;
  });
  reports.push((await upsertByKey(em, CoordinatorTerm, terms, (t) => `${t.committeeId}/${t.governmentId}/${t.seq}`)).report);
  return byKey;
}

/** The General Assemblies, dated specialised-committee meetings, and the 2020 written consultation with the chair extension it decided. */
export async function seedMeetings(
  em: EntityManager,
  governments: Map<string, Government>,
  committees: Map<string, Committee>,
  reports: TableReport[],
): Promise<void> {
  const assembly = mustGet(committees, "general-assembly", "committee");
  const working = mustGet(committees, "working-committee", "committee");
  const sittings = GENERAL_ASSEMBLIES.map((sitting) => {
    const start = partial(sitting.when, "start");
    return {
      committeeId: assembly.id,
      number: sitting.number,
      title: `${ordinal(sitting.number)} General Assembly`,
      format: MeetingFormat.SITTING,
      status: sitting.postponedOn ? MeetingStatus.POSTPONED : MeetingStatus.HELD,
      startsOn: start.date!,
      endsOn: partial(sitting.when, "end").date!,
      startPrecision: start.precision!,
      postponedOn: sitting.postponedOn ?? null,
      hostGovernmentId: mustGet(governments, sitting.host, "government").id,
      attendanceRecorded: false,
      location: sitting.location,
      source: sitting.source,
      notes: sitting.notes ?? null,
    } satisfies Partial<Meeting>;
  });
  const committeeMeetings = COMMITTEE_MEETINGS.map((meeting) => {
    const start = partial(meeting.when, "start");
    return {
      committeeId: mustGet(committees, meeting.committee, "committee").id,
      number: null,
      title: meeting.title,
      format: MeetingFormat.SITTING,
      status: MeetingStatus.HELD,
      startsOn: start.date!,
      endsOn: partial(meeting.when, "end").date!,
      startPrecision: start.precision!,
      postponedOn: null,
      hostGovernmentId: mustGet(governments, meeting.host, "government").id,
      attendanceRecorded: false,
      location: meeting.location,
      source: meeting.source,
      notes: null,
    } satisfies Partial<Meeting>;
  });
  const consultation = WRITTEN_CONSULTATION_2020;
  const when = partial(consultation.when, "start");
  const meetings = await upsertByKey(
    em,
    Meeting,
    [
      ...sittings,
      ...committeeMeetings,
      {
        committeeId: working.id,
        number: null,
        title: consultation.title,
        format: MeetingFormat.WRITTEN_CONSULTATION,
        status: MeetingStatus.HELD,
        startsOn: when.date!,
        endsOn: partial(consultation.when, "end").date!,
        startPrecision: when.precision!,
        postponedOn: null,
        hostGovernmentId: null,
        attendanceRecorded: false,
        location: null,
        source: consultation.source,
        notes: consultation.notes,
      },
    ],
    (m) => `${m.committeeId}/${m.startsOn}/${m.title}`,
  );
  reports.push(meetings.report);
  const meeting = mustGet(meetings.byKey, `${working.id}/${when.date}/${consultation.title}`, "meeting");
  const items = await upsertByKey(
    em,
    AgendaItem,
    [
      {
        meetingId: meeting.id,
        seq: 1,
        title: consultation.item.title,
        charterItem: consultation.item.charterItem,
        recordedPresent: consultation.item.present,
        recordedFor: consultation.item.votesFor,
        recordedAgainst: 0,
        recordedAbstain: 0,
        source: consultation.source,
        notes: null,
      },
    ],
    (i) => `${i.meetingId}/${i.seq}`,
  );
  reports.push(items.report);
  const item = mustGet(items.byKey, `${meeting.id}/1`, "agenda item");
  const extension = {
    governmentId: mustGet(governments, consultation.item.extendsChairOf, "government").id,
    startsOn: when.date!,
    until: null,
    agendaItemId: item.id,
  };
  reports.push((await upsertByKey(em, ChairExtension, [extension], (e) => String(e.agendaItemId))).report);
}
