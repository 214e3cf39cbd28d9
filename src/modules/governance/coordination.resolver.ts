import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { coordination } from "../../charter";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { associationRecord } from "../association";
import { Committee, coordinatorTermsByCommittee } from "../committee";
import { eventsByCommittee } from "../event";
import { Government, governmentById, governmentBySlug } from "../government";
import { MeetingStatus, meetingsByCommittee } from "../meeting";
import { ReasonType } from "./governance.types";
import { reasonsOn } from "./governance.service";

@ObjectType("CoordinatorCurrentTerm", { description: "A coordinator's current 2-year term (Committee Reg. Art. 5(2))." })
export class CoordinatorCurrentTermType {
  government: string;

  @Field(() => Int, { nullable: true, description: "1 for the first term of the spell; null when its start is undated." })
  termNumber: number | null;

  @Field(() => DateScalar, { nullable: true })
  termStart: IsoDate | null;

  @Field(() => DateScalar, { nullable: true })
  termEnd: IsoDate | null;
}

@ObjectType("Coordination", {
  description: "Who coordinates a committee on a day, and whether inactivity makes them replaceable (Committee Reg. Art. 5).",
})
export class CoordinationType {
  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => [CoordinatorCurrentTermType], { description: "Several when co-coordinated (Art. 5(2))." })
  coordinators: CoordinatorCurrentTermType[];

  @Field(() => Boolean, { description: "Terms are renewable (Art. 5(2))." })
  renewable: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Latest recorded meeting or event of the committee up to `asOf`." })
  lastActivity: IsoDate | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "At least one meeting or event in the current term (Art. 5(4)); null when the records cannot tell.",
  })
  activeInCurrentTerm: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Two years or more without a meeting or event (Art. 5(7)); null when the records cannot tell.",
  })
  replaceable: boolean | null;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

@Resolver(() => Committee)
export class CommitteeCoordinationResolver {
  @FieldResolver(() => CoordinationType, {
    description: "The coordinator(s) on `asOf` (default today) with their term, last activity and whether they may be replaced.",
  })
  async coordinator(
    @Root() committee: Committee,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<CoordinationType> {
    const day = asOf ?? ctx.today;
    const [terms, meetings, events, association] = await Promise.all([
      ctx.loaders.get(coordinatorTermsByCommittee).load(committee.id),
      ctx.loaders.get(meetingsByCommittee).load(committee.id),
      ctx.loaders.get(eventsByCommittee).load(committee.id),
      ctx.loaders.get(associationRecord).load(1),
    ]);
    const governments = await ctx.loaders.get(governmentById).loadMany(terms.map((t) => t.governmentId));
    const spells = terms.map((term, index) => {
      const government = governments[index];
      return {
        government: government instanceof Government ? government.slug : String(term.governmentId),
        startedOn: term.startedOn,
        endedOn: term.endedOn,
      };
    });
    const activities = [
      ...meetings.filter((m) => m.status === MeetingStatus.HELD).map((m) => m.startsOn),
      ...events.map((e) => e.startsOn),
    ];
    const verdict = coordination({ spells, activities, activityRecordsFrom: association.activityRecordsFrom, asOf: day });
    return Object.assign(new CoordinationType(), {
      ...verdict,
      asOf: day,
      coordinators: verdict.coordinators.map((c) => Object.assign(new CoordinatorCurrentTermType(), c)),
      reasons: await reasonsOn(ctx, day, verdict.reasons),
    });
  }
}

@Resolver(() => CoordinatorCurrentTermType)
export class CoordinatorCurrentTermResolver {
  @FieldResolver(() => Government, { nullable: true })
  government(@Root() term: CoordinatorCurrentTermType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentBySlug).load(term.government);
  }
}
