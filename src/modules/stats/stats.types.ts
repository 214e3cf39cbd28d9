import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { MembershipKind } from "../membership";

export enum GovernmentGroupBy {
  COUNTRY = "COUNTRY",
  KIND = "KIND",
}
registerEnumType(GovernmentGroupBy, { name: "GovernmentGroupBy", description: "What to group governments by; both for country × kind." });

export enum StaffGroupBy {
  DEPARTMENT = "DEPARTMENT",
  POST = "POST",
  DISPATCHING_COUNTRY = "DISPATCHING_COUNTRY",
}
registerEnumType(StaffGroupBy, { name: "StaffGroupBy" });

export enum AmbassadorGroupBy {
  ROUND = "ROUND",
  COUNTRY = "COUNTRY",
  GOVERNMENT = "GOVERNMENT",
}
registerEnumType(AmbassadorGroupBy, { name: "AmbassadorGroupBy" });

export enum EventGroupBy {
  YEAR = "YEAR",
  KIND = "KIND",
}
registerEnumType(EventGroupBy, { name: "EventGroupBy", description: "Events and recorded meetings together, by year, kind or both." });

@ObjectType("GovernmentGroup", { description: "Governments holding a membership on the day, in one group." })
export class GovernmentGroupType {
  @Field(() => String, { nullable: true, description: "ISO code; null when not grouped by country." })
  countryCode: string | null;

  @Field(() => MembershipKind, { nullable: true, description: "Null when not grouped by kind." })
  kind: MembershipKind | null;

  @Field(() => Int)
  governments: number;

  @Field(() => Int, {
    description:
      "Governments whose membership that day is unknown (the sources date its start only roughly, or not at all): never in `governments`.",
  })
  unknown: number;

  @Field(() => Int, { description: "Founding members among them (Charter Art. 19; disputed cases not counted)." })
  founding: number;
}

@ObjectType("MembershipYear")
export class MembershipYearType {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "Periods starting that year that are not a change of kind (first admissions and re-admissions)." })
  admissions: number;

  @Field(() => Int, { description: "Periods ending that year with no period following the next day." })
  departures: number;

  @Field(() => Int, { description: "A period ending and the next (another kind) starting the day after." })
  kindChanges: number;

  @Field(() => Int, {
    description: "Governments known to hold a MEMBER period on the year's last day (or asOf, in its year); see membersUnknownAtEnd.",
  })
  membersAtEnd: number;

  @Field(() => Int, {
    description:
      "Governments whose MEMBER period that day is unknown (a start the sources date only roughly, or not at all): not in membersAtEnd.",
  })
  membersUnknownAtEnd: number;
}

@ObjectType("MembershipTimeline", {
  description: "Admissions, departures and changes per year; what has no date is counted apart, never guessed.",
})
export class MembershipTimelineType {
  @Field(() => [MembershipYearType])
  years: MembershipYearType[];

  @Field(() => Int, { description: "Admissions whose date no source gives (the unknown bucket)." })
  admissionsWithUnknownDate: number;

  @Field(() => Int, { description: "Every admission: those by year plus the unknown bucket." })
  admissionsTotal: number;
}

@ObjectType("CensusYearCount")
export class CensusYearCountType {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  governments: number;
}

@ObjectType("PopulationGroup", {
  description: "Population and area of a country's governments holding a membership of the given kinds on the day.",
})
export class PopulationGroupType {
  @Field(() => String)
  countryCode: string;

  @Field(() => Int)
  governments: number;

  @Field(() => Float, { description: "Sum of the figures, each from its census year; a figure inside another government's is left out." })
  population: number;

  @Field(() => Float, { description: "Sum of the areas, km²." })
  areaKm2: number;

  @Field(() => [CensusYearCountType], { description: "How many figures come from each census year." })
  censusYears: CensusYearCountType[];

  @Field(() => [String], { description: "Slugs whose population is inside another's figure, so not added again." })
  populationCountedElsewhere: string[];

  @Field(() => Int, { description: "Governments with no population figure." })
  withoutFigure: number;
}

@ObjectType("CountryCount")
export class CountryCountType {
  @Field(() => String)
  countryCode: string;

  @Field(() => Int)
  count: number;
}

@ObjectType("YearCount")
export class YearCountType {
  @Field(() => Int)
  year: number;

  @Field(() => Int)
  count: number;
}

@ObjectType("CommitteeStats")
export class CommitteeStatsType {
  @Field(() => Int, { description: "Specialised committees known to be established by the day and not abolished." })
  specialisedActive: number;

  @Field(() => Int, {
    description: "Specialised committees whose establishment the sources date only roughly, or not at all, around the day.",
  })
  specialisedUnknown: number;

  @Field(() => Int)
  specialisedAbolished: number;

  @Field(() => [CountryCountType], { description: "Coordinator terms covering the day, by the coordinator's country." })
  coordinatorsByCountry: CountryCountType[];

  @Field(() => [YearCountType], { description: "Recorded meetings of every body, by year." })
  meetingsByYear: YearCountType[];
}

@ObjectType("StaffGroup")
export class StaffGroupType {
  @Field(() => String, { nullable: true, description: "Department or post slug, or dispatching country code; null for none." })
  key: string | null;

  @Field(() => Int, { description: "Appointments held on the day." })
  current: number;

  @Field(() => Int, { description: "Appointments ended by the day." })
  former: number;

  @Field(() => Int, { description: "Different people in the group." })
  people: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean days in post of appointments with both dates known (current ones up to the day).",
  })
  meanTenureDays: number | null;
}

@ObjectType("AmbassadorGroup")
export class AmbassadorGroupType {
  @Field(() => String, { description: "Round number, country code or government slug." })
  key: string;

  @Field(() => Int)
  people: number;

  @Field(() => Int)
  appointments: number;
}

@ObjectType("AmbassadorStats", { description: "Member-nominated honorary PR ambassadors (the secretariat's own counted apart)." })
export class AmbassadorStatsType {
  @Field(() => Int)
  people: number;

  @Field(() => Int)
  appointments: number;

  @Field(() => Int)
  governments: number;

  @Field(() => Int)
  countries: number;

  @Field(() => Int, { description: "The secretariat's own PR ambassadors." })
  secretariatPeople: number;

  @Field(() => [AmbassadorGroupType])
  groups: AmbassadorGroupType[];
}

@ObjectType("DuesYear", { description: "One fiscal year's dues across the members, by the Dues Regulation as the hub reads it." })
export class DuesYearType {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Boolean, {
    description: "Whether the ledger records the year of every member assessed; when not, amounts owed and the collection rate are null.",
  })
  onLedger: boolean;

  @Field(() => Int)
  membersAssessed: number;

  @Field(() => Int, { description: "Members assessed whose year the ledger records nothing of (unknown: neither paid nor unpaid)." })
  membersUnknown: number;

  @Field(() => Int, { description: "US cents assessed, less waivers." })
  assessedUsdCents: number;

  @Field(() => Int)
  paidUsdCents: number;

  @Field(() => Int, { nullable: true })
  outstandingUsdCents: number | null;

  @Field(() => Float, { nullable: true, description: "paid ÷ assessed; null when nothing is assessed or any member's year is unknown." })
  collectionRate: number | null;

  @Field(() => Int, { description: "Members whose rights arrears restrict on the year's last day (or asOf, in its year)." })
  membersRestricted: number;
}

@ObjectType("EventGroup")
export class EventGroupType {
  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => String, {
    nullable: true,
    description: "An event kind, or MEETING_RECORD for recorded meetings; null when not grouped by kind.",
  })
  kind: string | null;

  @Field(() => Int)
  count: number;
}

@ObjectType("Stats", { description: "Aggregates for dashboards, on one day (`asOf`), computed in the database." })
export class StatsType {
  @Field(() => DateScalar)
  asOf: IsoDate;
}

@ObjectType("ComputedFigure", { description: "What the hub computes from its records for a stated figure." })
export class ComputedFigureType {
  @Field(() => Float)
  value: number;

  @Field(() => String, { description: "How it is computed, in a sentence." })
  how: string;
}
