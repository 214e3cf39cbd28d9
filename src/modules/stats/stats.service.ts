import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { InputError } from "../../core/errors";
import { yearsInCalendar } from "../../core/inputs";
import { MEMBERSHIP_KINDS } from "../../charter";
import { appointmentHeldSql, committeeLife, coordinatorTermPeriod, heldSql, mayBeHeldSql, membershipPeriod } from "../../core/sql";

/** SQL over membership row `m`: known to hold on the day in `day`; may hold on it. */
const memberHeld = (day: string) => heldSql(membershipPeriod("m"), day);
const memberMayHold = (day: string) => mayBeHeldSql(membershipPeriod("m"), day);
import type { MembershipKind } from "../membership";
import {
  AmbassadorGroupBy,
  AmbassadorGroupType,
  AmbassadorStatsType,
  CensusYearCountType,
  CommitteeStatsType,
  CountryCountType,
  EventGroupBy,
  EventGroupType,
  GovernmentGroupBy,
  GovernmentGroupType,
  MembershipTimelineType,
  MembershipYearType,
  PopulationGroupType,
  StaffGroupBy,
  StaffGroupType,
  YearCountType,
} from "./stats.types";

/** The association was founded in 1996 (Charter Art. 19): no year before it has records. */
export const FIRST_YEAR = 1996;

function uniqueGroupBy<T extends string>(groupBy: readonly T[], argumentName: string): Set<T> {
  const set = new Set(groupBy);
  if (set.size !== groupBy.length) throw new InputError(`${argumentName} names a dimension twice`, argumentName);
  return set;
}

/**
 * Governments holding a membership on `asOf`, counted by country, kind or both, in one
 * GROUP BY: those known to hold one, and apart those whose membership that day is
 * unknown (a start the sources date roughly or not at all), never counted as members.
 */
export async function governmentGroups(
  uow: UnitOfWork,
  asOf: IsoDate,
  groupBy: readonly GovernmentGroupBy[],
): Promise<GovernmentGroupType[]> {
  const by = uniqueGroupBy(groupBy, "groupBy");
  const country = by.has(GovernmentGroupBy.COUNTRY) ? "g.country_code" : "NULL::text";
  const kind = by.has(GovernmentGroupBy.KIND) ? "m.kind" : "NULL::text";
  const rows = await uow.em.query<
    { country_code: string | null; kind: MembershipKind | null; governments: number; unknown: number; founding: number }[]
  >(
    `SELECT ${country} AS country_code, ${kind} AS kind,
            count(DISTINCT g.id) FILTER (WHERE m.held)::int AS governments,
            count(DISTINCT g.id) FILTER (WHERE NOT m.held)::int AS unknown,
            count(DISTINCT g.id) FILTER (WHERE m.held AND EXISTS (
              SELECT 1 FROM membership f WHERE f.government_id = g.id AND f.founding = 'FOUNDING'))::int AS founding
       FROM government g
       JOIN (SELECT m.*, ${memberHeld("$1")} AS held FROM membership m WHERE ${memberMayHold("$1")}) m ON m.government_id = g.id
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [asOf],
  );
  return rows.map((r) =>
    Object.assign(new GovernmentGroupType(), {
      countryCode: r.country_code,
      kind: r.kind,
      governments: r.governments,
      unknown: r.unknown,
      founding: r.founding,
    }),
  );
}

/**
 * Periods of the kinds in the text array `kinds` (a parameter), each with the one of those
 * kinds before and after it: what distinguishes an admission, a change of kind and a
 * departure. An observer admitted as a member is a member's admission when only members count.
 */
const periodsOf = (kinds: string) => `SELECT m.*, lag(m.ended_on) OVER w AS prev_end, lead(m.started_on) OVER w AS next_start
                   FROM membership m WHERE m.kind = ANY(${kinds}::text[]) WINDOW w AS (PARTITION BY m.government_id ORDER BY m.seq)`;
const IS_KIND_CHANGE = `(p.prev_end IS NOT NULL AND p.started_on = p.prev_end + 1)`;

/**
 * Per year from `from` to `to`: admissions, departures and kind changes of periods of
 * `kinds`, and members at the year's end; undated admissions apart.
 */
export async function membershipTimeline(
  uow: UnitOfWork,
  asOf: IsoDate,
  from: number,
  to: number,
  kinds: readonly MembershipKind[] = MEMBERSHIP_KINDS,
): Promise<MembershipTimelineType> {
  yearsInCalendar(uow.calendar, from, to);
  if (kinds.length === 0) throw new InputError("kinds is empty: name at least one membership kind", "kinds");
  const years = await uow.em.query<
    { year: number; admissions: number; departures: number; kind_changes: number; members_at_end: number; unknown_at_end: number }[]
  >(
    `WITH p AS (${periodsOf("$4")}),
          happened AS (
            SELECT extract(year FROM p.started_on)::int AS year, CASE WHEN ${IS_KIND_CHANGE} THEN 'change' ELSE 'admission' END AS what
              FROM p WHERE p.started_on IS NOT NULL AND p.started_on <= $1
            UNION ALL
            SELECT extract(year FROM p.ended_on)::int, 'departure'
              FROM p WHERE p.ended_on IS NOT NULL AND p.ended_on <= $1 AND (p.next_start IS NULL OR p.next_start > p.ended_on + 1)),
          years AS (SELECT generate_series($2::int, $3::int) AS year)
     SELECT y.year,
            count(h.what) FILTER (WHERE h.what = 'admission')::int AS admissions,
            count(h.what) FILTER (WHERE h.what = 'departure')::int AS departures,
            count(h.what) FILTER (WHERE h.what = 'change')::int AS kind_changes,
            (SELECT count(DISTINCT m.government_id) FROM membership m
              WHERE m.kind = 'MEMBER' AND ${memberHeld("least(make_date(y.year, 12, 31), $1::date)")})::int AS members_at_end,
            (SELECT count(DISTINCT m.government_id) FROM membership m
              WHERE m.kind = 'MEMBER' AND ${memberMayHold("least(make_date(y.year, 12, 31), $1::date)")}
                AND NOT ${memberHeld("least(make_date(y.year, 12, 31), $1::date)")})::int AS unknown_at_end
       FROM years y LEFT JOIN happened h ON h.year = y.year
      WHERE y.year <= extract(year FROM $1::date)
      GROUP BY y.year ORDER BY y.year`,
    [asOf, from, to, [...kinds]],
  );
  const [totals] = await uow.em.query<{ unknown: number; known: number }[]>(
    `WITH p AS (${periodsOf("$2")})
     SELECT count(*) FILTER (WHERE p.started_on IS NULL AND p.prev_end IS NULL)::int AS unknown,
            count(*) FILTER (WHERE p.started_on IS NOT NULL AND p.started_on <= $1 AND NOT ${IS_KIND_CHANGE})::int AS known
       FROM p`,
    [asOf, [...kinds]],
  );
  return Object.assign(new MembershipTimelineType(), {
    years: years.map((y) =>
      Object.assign(new MembershipYearType(), {
        year: y.year,
        admissions: y.admissions,
        departures: y.departures,
        kindChanges: y.kind_changes,
        membersAtEnd: y.members_at_end,
        membersUnknownAtEnd: y.unknown_at_end,
      }),
    ),
    admissionsWithUnknownDate: totals.unknown,
    admissionsTotal: totals.unknown + totals.known,
  });
}

/** Governments holding a membership of one of `kinds` on `asOf`: the set the population aggregates run over. */
const SELECTED = `SELECT g.* FROM government g WHERE EXISTS (
                    SELECT 1 FROM membership m WHERE m.government_id = g.id AND m.kind = ANY($2::text[]) AND ${memberHeld("$1")})`;

/**
 * Population and area by country. A figure that the data says is inside another
 * government's (`populationIncludedIn`, e.g. Rason in North Hamgyong's 2008 census)
 * is not added again when that government is in the set.
 */
export async function populationByCountry(
  uow: UnitOfWork,
  asOf: IsoDate,
  kinds: readonly MembershipKind[],
): Promise<PopulationGroupType[]> {
  if (kinds.length === 0) throw new InputError("kinds is empty: name at least one membership kind", "kinds");
  const parameters = [asOf, [...kinds]];
  const groups = await uow.em.query<
    { country_code: string; governments: number; population: number; area: number; without_figure: number; elsewhere: string[] }[]
  >(
    `WITH s AS (${SELECTED}),
          counted AS (SELECT s.*, (s.population_included_in_id IS NOT NULL AND s.population_included_in_id IN (SELECT id FROM s)) AS elsewhere FROM s)
     SELECT country_code, count(*)::int AS governments,
            coalesce(sum(population) FILTER (WHERE NOT elsewhere), 0)::float8 AS population,
            coalesce(sum(area_km2), 0)::float8 AS area,
            count(*) FILTER (WHERE population IS NULL)::int AS without_figure,
            coalesce(array_agg(slug ORDER BY slug) FILTER (WHERE elsewhere), '{}') AS elsewhere
       FROM counted GROUP BY country_code ORDER BY country_code`,
    parameters,
  );
  const census = await uow.em.query<{ country_code: string; year: number; governments: number }[]>(
    `WITH s AS (${SELECTED})
     SELECT country_code, population_year::int AS year, count(*)::int AS governments
       FROM s WHERE population IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    parameters,
  );
  return groups.map((g) =>
    Object.assign(new PopulationGroupType(), {
      countryCode: g.country_code,
      governments: g.governments,
      population: g.population,
      areaKm2: g.area,
      withoutFigure: g.without_figure,
      populationCountedElsewhere: g.elsewhere,
      censusYears: census
        .filter((c) => c.country_code === g.country_code)
        .map((c) => Object.assign(new CensusYearCountType(), { year: c.year, governments: c.governments })),
    }),
  );
}

export async function committeeStats(uow: UnitOfWork, asOf: IsoDate): Promise<CommitteeStatsType> {
  const [counts] = await uow.em.query<{ active: number; unknown: number; abolished: number }[]>(
    `SELECT count(*) FILTER (WHERE ${heldSql(committeeLife("c"), "$1")})::int AS active,
            count(*) FILTER (WHERE ${mayBeHeldSql(committeeLife("c"), "$1")} AND NOT ${heldSql(committeeLife("c"), "$1")})::int AS unknown,
            count(*) FILTER (WHERE c.abolished_on <= $1)::int AS abolished
       FROM committee c WHERE c.kind = 'SPECIALISED'`,
    [asOf],
  );
  const coordinators = await uow.em.query<{ country_code: string; count: number }[]>(
    `SELECT g.country_code, count(*)::int AS count
       FROM coordinator_term m JOIN government g ON g.id = m.government_id JOIN committee c ON c.id = m.committee_id
      WHERE ${heldSql(coordinatorTermPeriod("m", "c"), "$1")} GROUP BY 1 ORDER BY 1`,
    [asOf],
  );
  const meetings = await uow.em.query<{ year: number; count: number }[]>(
    `SELECT extract(year FROM starts_on)::int AS year, count(*)::int AS count FROM meeting
      WHERE status = 'HELD' AND starts_on <= $1 GROUP BY 1 ORDER BY 1`,
    [asOf],
  );
  return Object.assign(new CommitteeStatsType(), {
    specialisedActive: counts.active,
    specialisedUnknown: counts.unknown,
    specialisedAbolished: counts.abolished,
    coordinatorsByCountry: coordinators.map((c) => Object.assign(new CountryCountType(), { countryCode: c.country_code, count: c.count })),
    meetingsByYear: meetings.map((m) => Object.assign(new YearCountType(), m)),
  });
}

const STAFF_KEYS: Record<StaffGroupBy, string> = {
  [StaffGroupBy.DEPARTMENT]: "d.slug",
  [StaffGroupBy.POST]: "p.slug",
  [StaffGroupBy.DISPATCHING_COUNTRY]: "g.country_code",
};

/** Appointments by department, post or dispatching country: current and former on `asOf`, people, mean tenure. */
export async function staffGroups(uow: UnitOfWork, asOf: IsoDate, groupBy: StaffGroupBy): Promise<StaffGroupType[]> {
  const rows = await uow.em.query<{ key: string | null; current: number; former: number; people: number; tenure: number | null }[]>(
    `SELECT ${STAFF_KEYS[groupBy]} AS key,
            count(*) FILTER (WHERE ${appointmentHeldSql("a", "$1")})::int AS current,
            count(*) FILTER (WHERE a.ended_on < $1 OR (a.status = 'FORMER' AND a.ended_on IS NULL))::int AS former,
            count(DISTINCT a.staff_member_id)::int AS people,
            avg(least(coalesce(a.ended_on, $1::date), $1::date) - a.started_on)
              FILTER (WHERE a.started_on IS NOT NULL AND a.started_on <= $1 AND (a.ended_on IS NOT NULL OR a.status = 'CURRENT'))::float8 AS tenure
       FROM appointment a JOIN post p ON p.id = a.post_id
       LEFT JOIN department d ON d.id = p.department_id
       LEFT JOIN government g ON g.id = a.dispatched_by_government_id
      GROUP BY 1 ORDER BY 1 NULLS FIRST`,
    [asOf],
  );
  return rows.map((r) =>
    Object.assign(new StaffGroupType(), { key: r.key, current: r.current, former: r.former, people: r.people, meanTenureDays: r.tenure }),
  );
}

const AMBASSADOR_KEYS: Record<AmbassadorGroupBy, string> = {
  [AmbassadorGroupBy.ROUND]: "a.round::text",
  [AmbassadorGroupBy.COUNTRY]: "a.country_code",
  [AmbassadorGroupBy.GOVERNMENT]: "g.slug",
};

/** Member-nominated honorary PR ambassadors in office on `asOf`: people, appointments, governments, countries, and groups. */
export async function ambassadorStats(uow: UnitOfWork, asOf: IsoDate, groupBy: AmbassadorGroupBy): Promise<AmbassadorStatsType> {
  const inOffice = `a.term_start <= $1 AND (a.term_end IS NULL OR a.term_end >= $1)`;
  const [totals] = await uow.em.query<
    { people: number; appointments: number; governments: number; countries: number; secretariat: number }[]
  >(
    `SELECT coalesce(sum(a.people) FILTER (WHERE a.kind = 'MEMBER_NOMINATED'), 0)::int AS people,
            count(*) FILTER (WHERE a.kind = 'MEMBER_NOMINATED')::int AS appointments,
            count(DISTINCT a.government_id) FILTER (WHERE a.kind = 'MEMBER_NOMINATED')::int AS governments,
            count(DISTINCT a.country_code) FILTER (WHERE a.kind = 'MEMBER_NOMINATED')::int AS countries,
            coalesce(sum(a.people) FILTER (WHERE a.kind = 'SECRETARIAT'), 0)::int AS secretariat
       FROM ambassador_appointment a WHERE ${inOffice}`,
    [asOf],
  );
  const groups = await uow.em.query<{ key: string; people: number; appointments: number }[]>(
    `SELECT ${AMBASSADOR_KEYS[groupBy]} AS key, sum(a.people)::int AS people, count(*)::int AS appointments
       FROM ambassador_appointment a LEFT JOIN government g ON g.id = a.government_id
      WHERE a.kind = 'MEMBER_NOMINATED' AND ${inOffice} GROUP BY 1 ORDER BY 1`,
    [asOf],
  );
  return Object.assign(new AmbassadorStatsType(), {
    people: totals.people,
    appointments: totals.appointments,
    governments: totals.governments,
    countries: totals.countries,
    secretariatPeople: totals.secretariat,
    groups: groups.map((g) => Object.assign(new AmbassadorGroupType(), g)),
  });
}

/** Events and recorded meetings up to `asOf`, by year, kind or both. Drafts are not facts yet: no one's count holds them. */
export async function eventGroups(uow: UnitOfWork, asOf: IsoDate, groupBy: readonly EventGroupBy[]): Promise<EventGroupType[]> {
  const by = uniqueGroupBy(groupBy, "groupBy");
  const year = by.has(EventGroupBy.YEAR) ? "year" : "NULL::int";
  const kind = by.has(EventGroupBy.KIND) ? "kind" : "NULL::text";
  const rows = await uow.em.query<{ year: number | null; kind: string | null; count: number }[]>(
    `WITH happened AS (
       SELECT extract(year FROM e.starts_on)::int AS year, e.kind FROM event e WHERE e.starts_on <= $1 AND NOT e.draft
       UNION ALL
       SELECT extract(year FROM m.starts_on)::int, 'MEETING_RECORD' FROM meeting m WHERE m.status = 'HELD' AND m.starts_on <= $1)
     SELECT ${year} AS year, ${kind} AS kind, count(*)::int AS count FROM happened GROUP BY 1, 2 ORDER BY 1, 2`,
    [asOf],
  );
  return rows.map((r) => Object.assign(new EventGroupType(), r));
}
