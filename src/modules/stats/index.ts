import { AssociationStatedFiguresResolver, GovernmentGroupResolver, StatedFigureResolver, StatsResolver } from "./stats.resolver";

export { StatedFigure } from "./stated-figure.entity";

/** Aggregates for BI dashboards and the report's stated figures. */
export const statsResolvers = [StatsResolver, GovernmentGroupResolver, StatedFigureResolver, AssociationStatedFiguresResolver] as const;
