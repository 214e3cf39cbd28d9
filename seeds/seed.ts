import { join } from "node:path";
import type { DataSource, EntityManager } from "typeorm";
import { parsePartialDate } from "../src/core/dates";
import { projectRoot } from "../src/core/paths";
import type { DatePrecision } from "../src/core/dates";
import { AmbassadorAppointment, AmbassadorKind } from "../src/modules/ambassador";
import { Association } from "../src/modules/association";
import { Committee, CommitteeKind, CoordinatorTerm } from "../src/modules/committee";
import { AgendaItem, ChairExtension, Meeting, MeetingFormat, MeetingStatus } from "../src/modules/meeting";
import { Country } from "../src/modules/country";
import { Event } from "../src/modules/event";
import type { EventKind } from "../src/modules/event";
import { Government } from "../src/modules/government";
import { FoundingStatus, Membership } from "../src/modules/membership";
import type { MembershipKind } from "../src/modules/membership";
import { PartnerOrganisation } from "../src/modules/partner";
import type { PartnerRelation } from "../src/modules/partner";
import { Appointment, AppointmentStatus, Department, Post, StaffMember } from "../src/modules/secretariat";
import { COUNTRIES } from "./countries";
import { cell, readCsv } from "./csv";
import { ASSOCIATION, BODIES, COORDINATOR_TERMS, DEPARTMENTS, GENERAL_ASSEMBLIES, MEMBERSHIP_STARTS, POSTS, WRITTEN_CONSULTATION_2020 } from "./curated";
import { upsertByKey } from "./upsert";
import type { TableReport } from "./upsert";


function required(record: Record<string, string>, column: string): string {
  const value = cell(record, column);
  if (value === null) throw new Error(`Seed row ${JSON.stringify(record).slice(0, 80)} has no ${column}`);
  return value;
}

function partial(raw: string | null, edge: "start" | "end"): { date: string | null; precision: DatePrecision | null } {
  if (raw === null) return { date: null, precision: null };
  const parsed = parsePartialDate(raw, edge);
  if (parsed === null) throw new Error(`Seed date "${raw}" is not a date the loader understands`);
  return parsed;
}

function mustGet<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed refers to unknown ${what} "${key}"`);
  return value;
}

function ordinal(n: number): string {
  return `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
}

const FOUNDING: Record<string, FoundingStatus> = {
  yes: FoundingStatus.FOUNDING,
  no: FoundingStatus.NOT_FOUNDING,
  disputed: FoundingStatus.DISPUTED,
};

async function seedGovernments(em: EntityManager, dir: string, reports: TableReport[]): Promise<Map<string, Government>> {
  reports.push((await upsertByKey(em, Country, COUNTRIES, (c) => c.code!)).report);
  const members = readCsv(join(dir, "members.csv"));
  const extra = new Map(readCsv(join(dir, "governments-extra.csv")).map((row) => [required(row, "id"), row]));
  const governments = members.map((row) => {
    const slug = required(row, "id");
    const more = mustGet(extra, slug, "government in governments-extra.csv");
    const population = cell(more, "population");
    const area = cell(more, "area_km2");
    const populationYear = cell(more, "population_year");
    return {
      slug,
      countryCode: required(row, "country"),
      nameEn: cell(row, "name_en"),
      nameZh: cell(row, "name_zh"),
      nameKo: cell(row, "name_ko"),
      nameJa: cell(row, "name_ja"),
      nameRu: cell(row, "name_ru") ?? cell(more, "name_ru"),
      nameMn: cell(row, "name_mn") ?? cell(more, "name_mn"),
      population: population === null ? null : Number(population),
      populationYear: populationYear === null ? null : Number(populationYear),
      areaKm2: area === null ? null : Number(area),
      capital: cell(more, "capital"),
      website: cell(more, "website"),
      namedInReport: required(row, "named_in_report") === "yes",
      namesSource: [cell(row, "names_source"), cell(more, "names_source")].filter(Boolean).join(" "),
      figuresSource: cell(more, "source"),
      figuresNotes: cell(more, "notes"),
      notes: cell(row, "notes"),
    } satisfies Partial<Government>;
  });
  const { byKey, report } = await upsertByKey(em, Government, governments, (g) => g.slug!);
  reports.push(report);

  const memberships = members.map((row) => {
    const slug = required(row, "id");
    const precise = MEMBERSHIP_STARTS[slug];
    const start = partial(precise?.start ?? cell(row, "join_year"), "start");
    const founding = FOUNDING[required(row, "founding_1996")];
    if (!founding) throw new Error(`founding_1996 of ${slug} is not yes, no or disputed`);
    return {
      governmentId: mustGet(byKey, slug, "government").id,
      seq: 1,
      kind: required(row, "kind") as MembershipKind,
      startedOn: start.date,
      startPrecision: start.precision,
      endedOn: null,
      founding,
      source: [cell(row, "membership_source"), precise?.source]
        .filter((key, index, keys): key is string => !!key && !keys.slice(0, index).some((earlier) => earlier?.includes(key)))
        .join("; "),
    } satisfies Partial<Membership>;
  });
  reports.push((await upsertByKey(em, Membership, memberships, (m) => `${m.governmentId}/${m.seq}`)).report);
  return byKey;
}

async function seedCommittees(em: EntityManager, dir: string, governments: Map<string, Government>, reports: TableReport[]): Promise<Map<string, Committee>> {
  const specialised = readCsv(join(dir, "committees.csv")).map((row) => {
    const number = Number(required(row, "number"));
    const established = cell(row, "established");
    const establishedDate = established === null ? null : partial(/^[\d-]+/.exec(established)?.[0] ?? null, "start");
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
      establishedOn: establishedDate?.date ?? null,
      establishedPrecision: establishedDate?.precision ?? null,
      history: [established, renamed].filter(Boolean).join("; ") || null,
      renamedOn,
      abolishedOn: cell(row, "deleted"),
      regulationNoteZh: regulationNote === "(none)" ? null : regulationNote,
      source: "R2020 (committee regulation)",
      notes: cell(row, "notes"),
    } satisfies Partial<Committee>;
  });
  const bodies = BODIES.map(({ established, ...body }) => ({
    ...body,
    number: null,
    establishedOn: established,
    establishedPrecision: established === null ? null : partial(established, "start").precision,
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
    return {
      committeeId: committee.id,
      governmentId: government.id,
      seq,
      startedOn: start.date,
      startPrecision: start.precision,
      endedOn: end.date,
      endPrecision: end.precision,
      sourceSpeaksFor: cell(row, "coordinator_as_of"),
      source: cell(row, "coordinator_source"),
    } satisfies Partial<CoordinatorTerm>;
  });
  reports.push((await upsertByKey(em, CoordinatorTerm, terms, (t) => `${t.committeeId}/${t.governmentId}/${t.seq}`)).report);
  return byKey;
}

/** The General Assemblies and the 2020 written consultation, with the chair extension it decided. */
async function seedMeetings(
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
  const consultation = WRITTEN_CONSULTATION_2020;
  const when = partial(consultation.when, "start");
  const meetings = await upsertByKey(
    em,
    Meeting,
    [
      ...sittings,
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

async function seedSecretariat(em: EntityManager, dir: string, governments: Map<string, Government>, reports: TableReport[]): Promise<void> {
  const departments = await upsertByKey(
    em,
    Department,
    DEPARTMENTS.map(({ csv: _csv, ...department }) => department),
    (d) => d.slug!,
  );
  reports.push(departments.report);
  const posts = await upsertByKey(
    em,
    Post,
    POSTS.map((post) => ({
      slug: post.slug,
      titleEn: post.titleEn,
      titleZh: post.titleZh,
      departmentId: post.department === null ? null : mustGet(departments.byKey, post.department, "department").id,
    })),
    (p) => p.slug!,
  );
  reports.push(posts.report);

  const rows = readCsv(join(dir, "staff.csv"));
  const people = await upsertByKey(
    em,
    StaffMember,
    rows.map((row) => ({
      slug: required(row, "id"),
      nameZh: cell(row, "name_zh_as_in_report"),
      nameLatin: cell(row, "name_latin"),
      source: cell(row, "source"),
      notes: cell(row, "notes"),
    })),
    (s) => s.slug!,
  );
  reports.push(people.report);

  const postOf = new Map(POSTS.flatMap((post) => post.staff.map((slug, index) => [slug, { post: post.slug, seq: index + 1 }] as const)));
  const appointments = rows.map((row) => {
    const slug = required(row, "id");
    const { post, seq } = mustGet(postOf, slug, "staff member without a post");
    const start = partial(cell(row, "start_date"), "start");
    const end = partial(cell(row, "end_date"), "end");
    const dispatcher = cell(row, "sending_government_id");
    return {
      staffMemberId: mustGet(people.byKey, slug, "staff member").id,
      postId: mustGet(posts.byKey, post, "post").id,
      seq,
      dispatchedByGovernmentId: dispatcher === null ? null : mustGet(governments, dispatcher, "government").id,
      employment: cell(row, "employment"),
      dispatchedOfficial: cell(row, "employment") === "dispatched official",
      roleZh: cell(row, "role_zh"),
      startedOn: start.date,
      startPrecision: start.precision,
      endedOn: end.date,
      endPrecision: end.precision,
      status: required(row, "status_end_2020") as AppointmentStatus,
      source: cell(row, "source"),
    } satisfies Partial<Appointment>;
  });
  if (postOf.size !== rows.length) throw new Error(`curated POSTS name ${postOf.size} people, staff.csv holds ${rows.length}`);
  reports.push((await upsertByKey(em, Appointment, appointments, (a) => `${a.postId}/${a.seq}`)).report);
}

async function seedAmbassadors(em: EntityManager, dir: string, governments: Map<string, Government>, reports: TableReport[]): Promise<void> {
  const rows = readCsv(join(dir, "ambassadors.csv")).map((row) => {
    const member = cell(row, "member_id");
    const round = cell(row, "round");
    const kind = required(row, "kind") === "SECRETARIAT_PR_AMBASSADOR" ? AmbassadorKind.SECRETARIAT : AmbassadorKind.MEMBER_NOMINATED;
    const termStart = required(row, "term_start");
    return {
      naturalKey: kind === AmbassadorKind.SECRETARIAT ? `secretariat/${termStart}` : `round-${round}/${member}`,
      kind,
      round: round === null ? null : Number(round),
      countryCode: required(row, "country"),
      governmentId: member === null ? null : mustGet(governments, member, "government").id,
      people: Number(required(row, "count")),
      termStart,
      termEnd: cell(row, "term_end"),
      source: cell(row, "source"),
      notes: cell(row, "notes"),
    } satisfies Partial<AmbassadorAppointment>;
  });
  reports.push((await upsertByKey(em, AmbassadorAppointment, rows, (a) => a.naturalKey!)).report);
}

async function seedPartnersAndEvents(em: EntityManager, dir: string, reports: TableReport[]): Promise<void> {
  const partners = readCsv(join(dir, "partners.csv")).map((row) => ({
    slug: required(row, "id"),
    nameEn: required(row, "name_en"),
    nameZh: cell(row, "name_zh_in_report"),
    relation: required(row, "relation") as PartnerRelation,
    description: cell(row, "description"),
    website: cell(row, "website_in_report"),
    source: cell(row, "source"),
    notes: cell(row, "notes"),
  }));
  reports.push((await upsertByKey(em, PartnerOrganisation, partners, (p) => p.slug!)).report);

  const events = readCsv(join(dir, "events.csv")).map((row) => {
    const start = partial(required(row, "date_start"), "start");
    const end = partial(cell(row, "date_end"), "end");
    const precision = required(row, "date_precision").toUpperCase() as DatePrecision;
    return {
      titleEn: required(row, "title_en"),
      titleZh: cell(row, "title_zh_short"),
      kind: required(row, "kind") as EventKind,
      startsOn: start.date!,
      endsOn: end.date,
      startPrecision: precision,
      location: cell(row, "location"),
      participants: cell(row, "participants"),
      source: cell(row, "source"),
      notes: cell(row, "notes"),
    } satisfies Partial<Event>;
  });
  reports.push((await upsertByKey(em, Event, events, (e) => `${e.startsOn}/${e.titleEn}`)).report);
}

/**
 * Loads the 2020 facts in one transaction, upserting by natural key: a second run
 * inserts and updates nothing. Returns what it did, table by table.
 */
export async function seed2020(dataSource: DataSource): Promise<TableReport[]> {
  const dir = join(projectRoot(), "seeds", "near-2020");
  return dataSource.transaction(async (em) => {
    const reports: TableReport[] = [];
    const governments = await seedGovernments(em, dir, reports);
    const { secretariatHost, ...association } = ASSOCIATION;
    const row = { ...association, secretariatHostGovernmentId: mustGet(governments, secretariatHost, "government").id };
    reports.unshift((await upsertByKey(em, Association, [row], (a) => String(a.id))).report);
    const committees = await seedCommittees(em, dir, governments, reports);
    await seedMeetings(em, governments, committees, reports);
    await seedSecretariat(em, dir, governments, reports);
    await seedAmbassadors(em, dir, governments, reports);
    await seedPartnersAndEvents(em, dir, reports);
    return reports;
  });
}

export function formatSeedReport(reports: readonly TableReport[]): string {
  return reports.map((r) => `${r.table.padEnd(24)} inserted ${r.inserted}, updated ${r.updated}, unchanged ${r.unchanged}`).join("\n");
}
