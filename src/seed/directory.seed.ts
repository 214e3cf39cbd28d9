import { join } from "node:path";
import { websiteOf } from "./websites";
import type { EntityManager } from "typeorm";
import { DatePrecision } from "../core/dates";
import { AmbassadorAppointment, AmbassadorKind } from "../modules/ambassador";
import { Event, EventFigure, EventKind } from "../modules/event";
import type { Government } from "../modules/government";
import { PartnerOrganisation, PartnerRelation } from "../modules/partner";
import { cell, readCsv } from "./csv";
import { EVENT_FIGURES } from "./curated";
import { upsertByKey } from "./upsert";
import type { TableReport } from "./upsert";
import { mustGet, oneOf, partial, required } from "./values";

export async function seedAmbassadors(
  em: EntityManager,
  dir: string,
  governments: Map<string, Government>,
  reports: TableReport[],
): Promise<void> {
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

export async function seedPartnersAndEvents(em: EntityManager, dir: string, reports: TableReport[]): Promise<void> {
  const partners = readCsv(join(dir, "partners.csv")).map((row) => ({
    slug: required(row, "id"),
    nameEn: required(row, "name_en"),
    nameZh: cell(row, "name_zh_in_report"),
    relation: oneOf(row, "relation", Object.values(PartnerRelation)),
    description: cell(row, "description"),
    ...websiteOf(cell(row, "website_in_report")),
    source: cell(row, "source"),
    notes: cell(row, "notes"),
  }));
  reports.push((await upsertByKey(em, PartnerOrganisation, partners, (p) => p.slug!)).report);

  const events = readCsv(join(dir, "events.csv")).map((row) => {
    const start = partial(required(row, "date_start"), "start");
    const end = partial(cell(row, "date_end"), "end");
    const precision = oneOf(
      { date_precision: required(row, "date_precision").toUpperCase() },
      "date_precision",
      Object.values(DatePrecision),
    );
    return {
      titleEn: required(row, "title_en"),
      titleZh: cell(row, "title_zh_short"),
      kind: oneOf(row, "kind", Object.values(EventKind)),
      startsOn: start.date!,
      endsOn: end.date,
      startPrecision: precision,
      location: cell(row, "location"),
      participants: cell(row, "participants"),
      source: cell(row, "source"),
      notes: cell(row, "notes"),
    } satisfies Partial<Event>;
  });
  const { byKey } = await upsertByKey(em, Event, events, (e) => `${e.startsOn}/${e.titleEn}`).then((result) => {
    reports.push(result.report);
    return result;
  });
  const figures = EVENT_FIGURES.map((figure) => {
    const matches = [...byKey.values()].filter((e) => e.startsOn === figure.startsOn && e.titleEn.startsWith(figure.title));
    if (matches.length !== 1)
      throw new Error(`event figure ${figure.measure}: ${matches.length} events on ${figure.startsOn} titled "${figure.title}…"`);
    return {
      eventId: matches[0].id,
      measure: figure.measure,
      value: figure.value,
      countryCode: figure.countryCode ?? null,
    } satisfies Partial<EventFigure>;
  });
  reports.push((await upsertByKey(em, EventFigure, figures, (f) => `${f.eventId}/${f.measure}/${f.countryCode ?? ""}`)).report);
}
