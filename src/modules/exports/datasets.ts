import { FIRST_FISCAL_YEAR, MEMBERSHIP_KINDS, yearOf } from "../../charter";
import { inCalendarOrRefused } from "../../core/inputs";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { parseIsoDate } from "../../core/dates";
import { isOneOf } from "../../core/enums";
import { InputError } from "../../core/errors";
import { MAX_PAGE_SIZE } from "../../core/pagination";
import { appointmentHeldSql } from "../../core/sql";
import type { ConnectionValue } from "../../core/pagination";
import { EventOrder, listEvents } from "../event";
import { GovernmentOrder, MembershipStatus, listGovernments } from "../government";
import type { Government } from "../government";
import { committeesOn } from "../reporting";
import { duesByYear } from "../rights";
import {
  AmbassadorGroupBy,
  EventGroupBy,
  GovernmentGroupBy,
  StaffGroupBy,
  ambassadorStats,
  eventGroups,
  governmentGroups,
  membershipTimeline,
  populationByCountry,
  staffGroups,
  statedFiguresWithCounterparts,
} from "../stats";

/** The query string of an export, as the HTTP layer parsed it. */
type ExportParams = Readonly<Record<string, string | undefined>>;

type Cell = string | number | boolean | null;

export interface Dataset {
  description: string;
  /** The query parameters it takes, each with what it means (for the 400 that names an unknown one, and docs/bi.md). */
  params: Readonly<Record<string, string>>;
  columns: readonly string[];
  /** How many rows the export will hold, before any is sent (for the row limit). */
  count(uow: UnitOfWork, params: ExportParams): Promise<number>;
  /** The rows, a page at a time: a large export never sits whole in memory. */
  rows(uow: UnitOfWork, params: ExportParams): AsyncIterable<readonly Cell[]>;
}

/** A day parameter, as the graph's `Date` arguments are: a calendar day, inside the calendar. */
function optionalDay(uow: UnitOfWork, params: ExportParams, name: string): IsoDate | null {
  const raw = params[name];
  if (raw === undefined) return null;
  const parsed = parseIsoDate(raw);
  if (parsed === null) throw new InputError(`${name} must be a date YYYY-MM-DD, got "${raw}"`, name);
  return inCalendarOrRefused(uow.calendar, parsed, name);
}

function day(params: ExportParams, uow: UnitOfWork): IsoDate {
  return optionalDay(uow, params, "asOf") ?? uow.today;
}

function list(params: ExportParams, name: string): string[] | null {
  const raw = params[name];
  if (raw === undefined) return null;
  const values = raw
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) throw new InputError(`${name} is empty: leave it out to match everything`, name);
  return values;
}

function oneOfList<T extends string>(params: ExportParams, name: string, allowed: readonly T[]): T[] | null {
  const values = list(params, name);
  if (values === null) return null;
  const bad = values.find((v) => !isOneOf(allowed, v));
  if (bad !== undefined) throw new InputError(`${name}: "${bad}" is not one of ${allowed.join(", ")}`, name);
  return values.filter((v) => isOneOf(allowed, v));
}

function integer(params: ExportParams, name: string, fallback: number): number {
  const raw = params[name];
  if (raw === undefined) return fallback;
  if (!/^\d{1,4}$/.test(raw)) throw new InputError(`${name} must be a year such as 2020, got "${raw}"`, name);
  return Number(raw);
}

/** Every page of a connection, one after another. */
async function* pages<T>(load: (first: number, after: string | null) => Promise<ConnectionValue<T>>): AsyncIterable<T> {
  let after: string | null = null;
  for (;;) {
    const page: ConnectionValue<T> = await load(MAX_PAGE_SIZE, after);
    yield* page.nodes;
    if (!page.pageInfo.hasNextPage) return;
    after = page.pageInfo.endCursor;
  }
}

/**
 * An aggregate as an export: its rows are computed once for the request (the row
 * count the limit needs and the rows sent are the same computation).
 */
function aggregate<T>(spec: {
  description: string;
  params: Readonly<Record<string, string>>;
  columns: readonly string[];
  load: (uow: UnitOfWork, params: ExportParams) => Promise<readonly T[]>;
  cells: (row: T) => readonly Cell[];
}): Dataset {
  const rowsOf = (uow: UnitOfWork, params: ExportParams) => uow.loaders.memo("export:rows", () => spec.load(uow, params));
  return {
    description: spec.description,
    params: spec.params,
    columns: spec.columns,
    count: async (uow, params) => (await rowsOf(uow, params)).length,
    rows: async function* (uow, params) {
      for (const row of await rowsOf(uow, params)) yield spec.cells(row);
    },
  };
}

function governmentFilter(params: ExportParams, uow: UnitOfWork) {
  const status = params["status"];
  if (status !== undefined && !isOneOf(Object.values(MembershipStatus), status)) {
    throw new InputError(`status must be CURRENT or FORMER, got "${status}"`, "status");
  }
  return {
    asOf: day(params, uow),
    countries: list(params, "countries"),
    kinds: oneOfList(params, "kinds", MEMBERSHIP_KINDS),
    status: status ?? null,
    search: params["search"] ?? null,
  };
}

const GOVERNMENT_FILTERS = {
  asOf: "the day membership conditions are judged on (YYYY-MM-DD; default today)",
  countries: "ISO codes, comma-separated (JP,KR)",
  kinds: "MEMBER, ASSOCIATE, OBSERVER, comma-separated: held on asOf",
  status: "CURRENT or FORMER on asOf",
  search: "text in a name in any language or another spelling",
};

const governmentCells = (g: Government): readonly Cell[] => [
  g.slug,
  g.countryCode,
  g.nameEn,
  g.nameZh,
  g.nameKo,
  g.nameJa,
  g.nameRu,
  g.nameMn,
  g.population,
  g.populationYear,
  g.areaKm2,
  g.capital,
  g.website,
  g.namedInReport,
];

const PAGE_ROWS = 500;

/**
 * A list read from a `reporting` view (the same rows a BI tool reads in SQL), a page
 * at a time in a total order: public columns only, by the views' own definition. With
 * `onDay`, a last column says what the hub's rule answers of each row on `asOf` (an SQL
 * form of the charter's rule, over the view's alias `v`), so a spreadsheet filters by
 * it rather than re-deriving the rule from dates.
 */
function viewDataset(
  description: string,
  view: string,
  columns: readonly string[],
  orderBy: string,
  onDay?: { column: string; what: string; sql: (alias: string, day: string) => string },
): Dataset {
  const selected = onDay ? [...columns, `${onDay.sql("v", "$2::date")} AS ${onDay.column}`] : columns;
  return {
    description,
    params: onDay ? { asOf: `the day ${onDay.column} answers for: ${onDay.what} (YYYY-MM-DD; default today)` } : {},
    columns: onDay ? [...columns, onDay.column] : columns,
    count: async (uow) => (await uow.em.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM reporting.${view}`))[0].n,
    rows: async function* (uow, params) {
      const extra = onDay ? [day(params, uow)] : [];
      const names = onDay ? [...columns, onDay.column] : columns;
      for (let offset = 0; ; offset += PAGE_ROWS) {
        const page = await uow.em.query<Record<string, Cell>[]>(
          `SELECT ${selected.join(", ")} FROM reporting.${view} v ORDER BY ${orderBy} LIMIT ${PAGE_ROWS} OFFSET $1`,
          [offset, ...extra],
        );
        for (const row of page) yield names.map((column) => row[column] ?? null);
        if (page.length < PAGE_ROWS) return;
      }
    },
  };
}

/** Every export: the graph's lists and the stats aggregates, public fields only (no contacts, no notes about people, no drafts). */
export const DATASETS: Readonly<Record<string, Dataset>> = {
  governments: {
    description: "One row per government, with the graph's governments filters.",
    params: GOVERNMENT_FILTERS,
    columns: [
      "slug",
      "country",
      "name_en",
      "name_zh",
      "name_ko",
      "name_ja",
      "name_ru",
      "name_mn",
      "population",
      "population_year",
      "area_km2",
      "capital",
      "website",
      "named_in_report",
    ],
    count: async (uow, params) =>
      (await listGovernments(uow, { filter: governmentFilter(params, uow), orderBy: GovernmentOrder.SLUG_ASC, first: 0 })).totalCount(),
    rows: async function* (uow, params) {
      const filter = governmentFilter(params, uow);
      for await (const g of pages((first, after) => listGovernments(uow, { first, after, filter, orderBy: GovernmentOrder.SLUG_ASC })))
        yield governmentCells(g);
    },
  },
  events: {
    description: "Published events (drafts never), earliest first.",
    params: { from: "first day (YYYY-MM-DD)", to: "last day (YYYY-MM-DD)" },
    columns: ["starts_on", "ends_on", "precision", "kind", "title_en", "title_zh", "location", "participants", "source"],
    count: async (uow, params) => (await listEvents(uow, eventArgs(uow, params, 0))).totalCount(),
    rows: async function* (uow, params) {
      // The route's unit of work is always the public's: drafts never reach an export.
      for await (const e of pages((first, after) => listEvents(uow, { ...eventArgs(uow, params, first), after }))) {
        yield [e.startsOn, e.endsOn, e.startPrecision, e.kind, e.titleEn, e.titleZh, e.location, e.participants, e.source];
      }
    },
  },
  "membership-periods": viewDataset(
    "Every membership period (reporting.membership_periods).",
    "membership_periods",
    ["government", "country_code", "seq", "kind", "started_on", "start_precision", "ended_on", "founding", "admitted_by", "source"],
    "government, seq",
  ),
  appointments: viewDataset(
    "Every secretariat appointment, public fields only (reporting.appointments).",
    "appointments",
    [
      "person",
      "name_zh",
      "name_latin",
      "post",
      "post_title",
      "department",
      "dispatched_by",
      "dispatched_by_country",
      "employment",
      "started_on",
      "ended_on",
      "status",
      "source",
    ],
    "post, started_on NULLS FIRST, person",
    {
      column: "held_on_as_of",
      what: "whether the post is held that day (a FORMER appointment whose end the sources do not give never is)",
      sql: appointmentHeldSql,
    },
  ),
  "coordinator-terms": viewDataset(
    "Every coordinator term (reporting.coordinator_terms).",
    "coordinator_terms",
    [
      "committee",
      "committee_number",
      "committee_name",
      "government",
      "country_code",
      "started_on",
      "start_precision",
      "ended_on",
      "source",
    ],
    "committee, started_on NULLS FIRST, government",
  ),
  ambassadors: viewDataset(
    "Every honorary PR ambassador appointment, member-nominated and the secretariat's own (reporting.ambassadors).",
    "ambassadors",
    ["appointment", "kind", "round", "country_code", "government", "people", "term_start", "term_end", "source"],
    "term_start, appointment",
  ),
  committees: aggregate({
    description:
      "Every committee on asOf as the graph answers it (Committee.status, coordination): kind, number, status, coordinators known and unknown (space-separated slugs); reporting.committees holds the same rows per day.",
    params: { asOf: GOVERNMENT_FILTERS.asOf },
    columns: [
      "committee",
      "kind",
      "number",
      "name_en",
      "status",
      "coordinators",
      "coordinators_unknown",
      "last_activity",
      "active_in_current_term",
    ],
    load: (uow, params) => committeesOn(uow, day(params, uow)),
    cells: (c) => [
      c.committee,
      c.kind,
      c.number,
      c.name_en,
      c.status,
      c.coordinators.join(" "),
      c.coordinators_unknown.join(" "),
      c.last_activity,
      c.active_in_current_term,
    ],
  }),
  "governments-by-country-and-kind": aggregate({
    description:
      "stats.governments(groupBy: [COUNTRY, KIND]): governments known to hold a membership on asOf, and apart those whose membership that day is unknown.",
    params: { asOf: GOVERNMENT_FILTERS.asOf },
    columns: ["country", "kind", "governments", "unknown", "founding"],
    load: (uow, params) => governmentGroups(uow, day(params, uow), [GovernmentGroupBy.COUNTRY, GovernmentGroupBy.KIND]),
    cells: (g) => [g.countryCode, g.kind, g.governments, g.unknown, g.founding],
  }),
  "membership-timeline": aggregate({
    description:
      "stats.membershipTimeline: per year, admissions, departures, kind changes, members known at the year's end and those whose membership then is unknown. Undated admissions are not in any year (see the GraphQL field's unknown bucket).",
    params: {
      asOf: GOVERNMENT_FILTERS.asOf,
      from: "first year (default 1996)",
      to: "last year (default the year of asOf)",
      kinds: "count periods of these membership kinds only, comma-separated (default all; MEMBER for members alone)",
    },
    columns: ["year", "admissions", "departures", "kind_changes", "members_at_end", "members_unknown_at_end"],
    load: async (uow, params) => (await timeline(uow, params)).years,
    cells: (y) => [y.year, y.admissions, y.departures, y.kindChanges, y.membersAtEnd, y.membersUnknownAtEnd],
  }),
  "population-by-country": aggregate({
    description: "stats.populationByCountry: members' population and area per country; a figure inside another's is not added twice.",
    params: { asOf: GOVERNMENT_FILTERS.asOf, kinds: "membership kinds, comma-separated (default MEMBER)" },
    columns: ["country", "governments", "population", "area_km2", "census_years", "population_counted_elsewhere", "without_figure"],
    load: population,
    cells: (g) => [
      g.countryCode,
      g.governments,
      g.population,
      g.areaKm2,
      g.censusYears.map((c) => `${c.year}:${c.governments}`).join(" "),
      g.populationCountedElsewhere.join(" "),
      g.withoutFigure,
    ],
  }),
  "staffing-by-department": aggregate({
    description: "stats.staffing(groupBy: DEPARTMENT): appointments current and former on asOf, people, mean tenure.",
    params: { asOf: GOVERNMENT_FILTERS.asOf },
    columns: ["department", "current", "former", "people", "mean_tenure_days"],
    load: (uow, params) => staffGroups(uow, day(params, uow), StaffGroupBy.DEPARTMENT),
    cells: (g) => [g.key, g.current, g.former, g.people, g.meanTenureDays],
  }),
  "ambassadors-by-country": aggregate({
    description: "stats.ambassadors(groupBy: COUNTRY): member-nominated honorary PR ambassadors in office on asOf.",
    params: { asOf: GOVERNMENT_FILTERS.asOf },
    columns: ["country", "people", "appointments"],
    load: async (uow, params) => (await ambassadorStats(uow, day(params, uow), AmbassadorGroupBy.COUNTRY)).groups,
    cells: (g) => [g.key, g.people, g.appointments],
  }),
  "dues-by-fiscal-year": aggregate({
    description:
      "stats.dues: dues collection per fiscal year; amounts owed are empty for years with members the ledger records nothing of.",
    params: { asOf: GOVERNMENT_FILTERS.asOf, from: "first fiscal year (default 2017)", to: "last fiscal year (default the year of asOf)" },
    columns: [
      "fiscal_year",
      "on_ledger",
      "members_assessed",
      "members_unknown",
      "assessed_usd_cents",
      "paid_usd_cents",
      "outstanding_usd_cents",
      "collection_rate",
      "members_restricted",
    ],
    load: dues,
    cells: (y) => [
      y.fiscalYear,
      y.onLedger,
      y.membersAssessed,
      y.membersUnknown,
      y.assessedUsdCents,
      y.paidUsdCents,
      y.outstandingUsdCents,
      y.collectionRate,
      y.membersRestricted,
    ],
  }),
  "events-by-year-and-kind": aggregate({
    description: "stats.events(groupBy: [YEAR, KIND]): published events and held meetings (kind MEETING_RECORD).",
    params: { asOf: GOVERNMENT_FILTERS.asOf },
    columns: ["year", "kind", "count"],
    load: (uow, params) => eventGroups(uow, day(params, uow), [EventGroupBy.YEAR, EventGroupBy.KIND]),
    cells: (g) => [g.year, g.kind, g.count],
  }),
  "stated-figures": aggregate({
    description: "association.statedFigures: the report's figures, with the hub's own beside them.",
    params: {},
    columns: ["key", "label", "value", "unit", "as_of", "source", "quote", "computed", "difference"],
    load: (uow) => statedFiguresWithCounterparts(uow),
    cells: ({ figure, computed }) => [
      figure.key,
      figure.label,
      figure.value,
      figure.unit,
      figure.asOf,
      figure.source,
      figure.quote,
      computed?.value ?? null,
      computed ? computed.value - figure.value : null,
    ],
  }),
};

function eventArgs(uow: UnitOfWork, params: ExportParams, first: number) {
  return { first, filter: { from: optionalDay(uow, params, "from"), to: optionalDay(uow, params, "to") }, orderBy: EventOrder.DATE_ASC };
}

function timeline(uow: UnitOfWork, params: ExportParams) {
  const asOf = day(params, uow);
  const kinds = oneOfList(params, "kinds", MEMBERSHIP_KINDS) ?? MEMBERSHIP_KINDS;
  return membershipTimeline(uow, asOf, integer(params, "from", 1996), integer(params, "to", yearOf(asOf)), kinds);
}

function population(uow: UnitOfWork, params: ExportParams) {
  return populationByCountry(uow, day(params, uow), oneOfList(params, "kinds", MEMBERSHIP_KINDS) ?? ["MEMBER"]);
}

function dues(uow: UnitOfWork, params: ExportParams) {
  const asOf = day(params, uow);
  const from = integer(params, "from", FIRST_FISCAL_YEAR);
  return duesByYear(uow, from, integer(params, "to", yearOf(asOf)), asOf);
}
