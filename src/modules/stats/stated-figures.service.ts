import type { UnitOfWork } from "../../core/context";
import { MembershipKind } from "../membership";
import { StatedFigure } from "./stated-figure.entity";
import { ambassadorStats, governmentGroups, populationByCountry } from "./stats.service";
import { AmbassadorGroupBy, ComputedFigureType, GovernmentGroupBy } from "./stats.types";

type Counterpart = (uow: UnitOfWork, figure: StatedFigure) => Promise<ComputedFigureType>;

function computed(value: number, how: string): ComputedFigureType {
  return Object.assign(new ComputedFigureType(), { value, how });
}

/** The hub's own figure for each stated one it can compute; the others (budget, contest entries) have none in the records. */
const COUNTERPARTS: Readonly<Record<string, Counterpart>> = {
  "member-population": async (uow, f) => {
    const groups = await populationByCountry(uow, f.asOf, [MembershipKind.MEMBER]);
    return computed(
      groups.reduce((sum, g) => sum + g.population, 0),
      "The sum of the members' census figures (mixed census years; a figure inside another's is counted once); see stats.populationByCountry.",
    );
  },
  members: async (uow, f) => {
    const [all] = await governmentGroups(uow, f.asOf, []);
    const members = (await governmentGroups(uow, f.asOf, [GovernmentGroupBy.KIND])).find((g) => g.kind === MembershipKind.MEMBER);
    return computed(
      members?.governments ?? 0,
      `Governments holding a MEMBER period on the day (of ${all?.governments ?? 0} with any membership).`,
    );
  },
  "member-countries": async (uow, f) => {
    const groups = await governmentGroups(uow, f.asOf, [GovernmentGroupBy.COUNTRY, GovernmentGroupBy.KIND]);
    return computed(
      new Set(groups.filter((g) => g.kind === MembershipKind.MEMBER).map((g) => g.countryCode)).size,
      "Countries of the governments holding a MEMBER period on the day.",
    );
  },
  "postponement-agreed": async (uow, f) => {
    const [row] = await uow.em.query<{ agreed: number | null }[]>(
      `SELECT max(ai.recorded_for)::int AS agreed FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
        WHERE m.format = 'WRITTEN_CONSULTATION' AND extract(year FROM m.starts_on) = extract(year FROM $1::date)`,
      [f.asOf],
    );
    return computed(
      row?.agreed ?? 0,
      "Replies in favour recorded on the year's written consultation (the recorded tally of its agenda item).",
    );
  },
  "art-contest-entries": async (uow, f) => {
    const [row] = await uow.em.query<{ entries: number | null }[]>(
      `SELECT sum(x.value)::int AS entries FROM event_figure x JOIN event e ON e.id = x.event_id
        WHERE x.measure = 'entries' AND x.country_code IS NOT NULL AND e.kind = 'CONTEST' AND NOT e.draft
          AND extract(year FROM e.starts_on) = extract(year FROM $1::date) AND e.title_en LIKE '%Youth Art Contest%'`,
      [f.asOf],
    );
    return computed(row?.entries ?? 0, "The sum of the countries' entries recorded on the year's youth art contest event.");
  },
  "ambassador-people": async (uow, f) =>
    computed(
      (await ambassadorStats(uow, f.asOf, AmbassadorGroupBy.ROUND)).people,
      "People in member-nominated ambassador appointments in office on the day.",
    ),
  "ambassador-governments": async (uow, f) =>
    computed(
      (await ambassadorStats(uow, f.asOf, AmbassadorGroupBy.ROUND)).governments,
      "Governments with a member-nominated ambassador in office on the day.",
    ),
  "ambassador-countries": async (uow, f) =>
    computed((await ambassadorStats(uow, f.asOf, AmbassadorGroupBy.ROUND)).countries, "Countries of those governments."),
};

export function statedFigures(uow: UnitOfWork): Promise<StatedFigure[]> {
  return uow.em.getRepository(StatedFigure).find({ order: { id: "ASC" } });
}

/** The hub's counterpart of a stated figure, or null when its records hold nothing to compute it from. */
export function counterpartOf(uow: UnitOfWork, figure: StatedFigure): Promise<ComputedFigureType> | null {
  const counterpart = COUNTERPARTS[figure.key];
  // Once per request: `computed` and `difference` both need it.
  return counterpart ? uow.loaders.memo(`statedFigure:${figure.key}:${figure.asOf}`, () => counterpart(uow, figure)) : null;
}

/** Every stated figure with the hub's counterpart (null where none), for exports. */
export async function statedFiguresWithCounterparts(
  uow: UnitOfWork,
): Promise<{ figure: StatedFigure; computed: ComputedFigureType | null }[]> {
  const figures = await statedFigures(uow);
  return Promise.all(figures.map(async (figure) => ({ figure, computed: await (counterpartOf(uow, figure) ?? null) })));
}
