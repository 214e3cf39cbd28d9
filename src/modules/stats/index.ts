import { AssociationStatedFiguresResolver, GovernmentGroupResolver, StatedFigureResolver, StatsResolver } from "./stats.resolver";

export { StatedFigure } from "./stated-figure.entity";
export { statedFiguresWithCounterparts } from "./stated-figures.service";
export {
  ambassadorStats,
  eventGroups,
  governmentGroups,
  membershipTimeline,
  populationByCountry,
  staffGroups,
} from "./stats.service";
export { AmbassadorGroupBy, EventGroupBy, GovernmentGroupBy, StaffGroupBy } from "./stats.types";

/** Aggregates for BI dashboards and the report's stated figures. */
export const statsResolvers = [StatsResolver, GovernmentGroupResolver, StatedFigureResolver, AssociationStatedFiguresResolver] as const;
