import { Arg, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import { FIRST_FISCAL_YEAR, MEMBERSHIP_KINDS, yearOf } from "../../charter";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";

import { AssociationType } from "../association";
import { Country, countryByCode } from "../country";
import { MembershipKind } from "../membership";
import { duesByYear } from "../rights";
import { StatedFigure } from "./stated-figure.entity";
import { counterpartOf, statedFigures } from "./stated-figures.service";
import {
  FIRST_YEAR,
  ambassadorStats,
  committeeStats,
  eventGroups,
  governmentGroups,
  membershipTimeline,
  populationByCountry,
  staffGroups,
} from "./stats.service";
import {
  AmbassadorGroupBy,
  AmbassadorStatsType,
  CommitteeStatsType,
  ComputedFigureType,
  DuesYearType,
  EventGroupBy,
  EventGroupType,
  GovernmentGroupBy,
  GovernmentGroupType,
  MembershipTimelineType,
  PopulationGroupType,
  StaffGroupBy,
  StaffGroupType,
  StatsType,
} from "./stats.types";
import { AsOf } from "../../core/as-of";

@Resolver(() => StatsType)
export class StatsResolver {
  @Query(() => StatsType, {
    description: "Aggregates for dashboards on one day (default today), each one statement or a few, grouped in the database.",
  })
  stats(@AsOf() asOf: IsoDate): StatsType {
    return Object.assign(new StatsType(), { asOf });
  }

  @FieldResolver(() => [GovernmentGroupType], {
    description: "Governments with a membership on the day, by country, kind or both ([] for the total).",
  })
  governments(
    @Root() stats: StatsType,
    @Arg("groupBy", () => [GovernmentGroupBy], { defaultValue: [GovernmentGroupBy.COUNTRY, GovernmentGroupBy.KIND] })
    groupBy: GovernmentGroupBy[],
    @Ctx() ctx: RequestContext,
  ): Promise<GovernmentGroupType[]> {
    return governmentGroups(ctx, stats.asOf, groupBy);
  }

  @FieldResolver(() => MembershipTimelineType)
  membershipTimeline(
    @Root() stats: StatsType,
    @Arg("from", () => Int, { defaultValue: FIRST_YEAR }) from: number,
    @Arg("to", () => Int, { nullable: true, description: "Default: the year of asOf." }) to: number | null,
    @Arg("kinds", () => [MembershipKind], {
      defaultValue: [...MEMBERSHIP_KINDS],
      description:
        "Count admissions, departures and kind changes of periods of these kinds only: [MEMBER] for members alone (an observer who becomes a member is then a member's admission). `membersAtEnd` counts members whatever this says.",
    })
    kinds: MembershipKind[],
    @Ctx() ctx: RequestContext,
  ): Promise<MembershipTimelineType> {
    return membershipTimeline(ctx, stats.asOf, from, to ?? yearOf(stats.asOf), kinds);
  }

  @FieldResolver(() => [PopulationGroupType])
  populationByCountry(
    @Root() stats: StatsType,
    @Arg("kinds", () => [MembershipKind], { defaultValue: [MembershipKind.MEMBER] }) kinds: MembershipKind[],
    @Ctx() ctx: RequestContext,
  ): Promise<PopulationGroupType[]> {
    return populationByCountry(ctx, stats.asOf, kinds);
  }

  @FieldResolver(() => CommitteeStatsType)
  committees(@Root() stats: StatsType, @Ctx() ctx: RequestContext): Promise<CommitteeStatsType> {
    return committeeStats(ctx, stats.asOf);
  }

  @FieldResolver(() => [StaffGroupType], { description: "The secretariat's appointments by department, post or dispatching country." })
  staffing(
    @Root() stats: StatsType,
    @Arg("groupBy", () => StaffGroupBy) groupBy: StaffGroupBy,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffGroupType[]> {
    return staffGroups(ctx, stats.asOf, groupBy);
  }

  @FieldResolver(() => AmbassadorStatsType)
  ambassadors(
    @Root() stats: StatsType,
    @Arg("groupBy", () => AmbassadorGroupBy, { defaultValue: AmbassadorGroupBy.COUNTRY }) groupBy: AmbassadorGroupBy,
    @Ctx() ctx: RequestContext,
  ): Promise<AmbassadorStatsType> {
    return ambassadorStats(ctx, stats.asOf, groupBy);
  }

  @FieldResolver(() => [DuesYearType], { description: "Dues collection per fiscal year (Dues Reg. Art. 5, 6), from 2017 by default." })
  async dues(
    @Root() stats: StatsType,
    @Arg("from", () => Int, { defaultValue: FIRST_FISCAL_YEAR }) from: number,
    @Arg("to", () => Int, { nullable: true, description: "Default: the year of asOf." }) to: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DuesYearType[]> {
    // Left to its default, the range is empty on a day before `from` (no fiscal year yet), not an error.
    if (to == null && yearOf(stats.asOf) < from) return [];
    return (await duesByYear(ctx, from, to ?? yearOf(stats.asOf), stats.asOf)).map((year) => Object.assign(new DuesYearType(), year));
  }

  @FieldResolver(() => [EventGroupType])
  events(
    @Root() stats: StatsType,
    @Arg("groupBy", () => [EventGroupBy], { defaultValue: [EventGroupBy.YEAR, EventGroupBy.KIND] }) groupBy: EventGroupBy[],
    @Ctx() ctx: RequestContext,
  ): Promise<EventGroupType[]> {
    return eventGroups(ctx, stats.asOf, groupBy);
  }
}

@Resolver(() => GovernmentGroupType)
export class GovernmentGroupResolver {
  @FieldResolver(() => Country, { nullable: true })
  country(@Root() group: GovernmentGroupType, @Ctx() ctx: RequestContext): Promise<Country | null> | null {
    return group.countryCode === null ? null : ctx.loaders.get(countryByCode).load(group.countryCode);
  }
}

@Resolver(() => StatedFigure)
export class StatedFigureResolver {
  @FieldResolver(() => ComputedFigureType, {
    nullable: true,
    description: "The hub's own figure from its records; null when they hold nothing to compute it from.",
  })
  computed(@Root() figure: StatedFigure, @Ctx() ctx: RequestContext): Promise<ComputedFigureType> | null {
    return counterpartOf(ctx, figure);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: "computed − stated, shown rather than hidden; null without a computed figure.",
  })
  async difference(@Root() figure: StatedFigure, @Ctx() ctx: RequestContext): Promise<number | null> {
    const computed = await counterpartOf(ctx, figure);
    return computed === null ? null : computed.value - figure.value;
  }
}

@Resolver(() => AssociationType)
export class AssociationStatedFiguresResolver {
  @FieldResolver(() => [StatedFigure], {
    description: "Figures the Annual Report 2020 states, each with the hub's own counterpart where it has one.",
  })
  statedFigures(@Ctx() ctx: RequestContext): Promise<StatedFigure[]> {
    return statedFigures(ctx);
  }
}
