import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { chairOn, duesStanding } from "../../charter";
import type { AssemblySitting, ChairExtension as CharterChairExtension, ChairVerdict } from "../../charter";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { PageArgs, paginateList } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { associationRecord } from "../association";
import { CommitteeKind, committeeByKind } from "../committee";
import { Government, GovernmentConnection, governmentById, governmentBySlug } from "../government";
import { Meeting, agendaItemById, chairExtensions, meetingById, meetingsByCommittee } from "../meeting";
import { DuesStandingType, ReasonType } from "./governance.types";
import { charterRecordOf, memberIdsOn, reasonsOn, votingMemberIdsOn } from "./governance.service";

@ObjectType("Association", {
  description: "NEAR as a whole: its chair, its voting members, its records. (The facts horizon is on `about`.)",
})
export class AssociationType {
  @Field(() => String)
  name: string;

  @Field(() => Int, {
    nullable: true,
    description: "First fiscal year the dues ledger is complete for; earlier years never count as arrears. Null: none yet.",
  })
  duesLedgerFrom: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "From this day every committee meeting and event is recorded. Null: no period is.",
  })
  activityRecordsFrom: IsoDate | null;

  secretariatHostGovernmentId: number | null;
}

@ObjectType("Chair", { description: "The chair on a day (Charter Art. 7(1))." })
export class ChairType {
  government: string | null;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the term as the records stand; null for an open extension." })
  until: IsoDate | null;

  @Field(() => Int, { nullable: true, description: "The General Assembly its government hosts." })
  assemblyNumber: number | null;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

@ObjectType("RestrictedMember", { description: "A member whose rights arrears restrict (Dues Reg. Art. 6)." })
export class RestrictedMemberType {
  governmentId: number;

  @Field(() => DuesStandingType)
  standing: DuesStandingType;
}

@ArgsType()
class VotingMembersArgs extends PageArgs {
  @Field(() => DateScalar, { nullable: true, description: "Default today." })
  asOf?: IsoDate | null;
}

const BY_SLUG: Ordering<Government> = { name: "SLUG", descending: false, keys: [{ sql: "slug", value: (g) => g.slug }] };

/** The General Assembly's sittings in the charter's terms. */
async function assemblySittings(ctx: RequestContext): Promise<AssemblySitting[]> {
  const assembly = await ctx.loaders.get(committeeByKind).load(CommitteeKind.GENERAL_ASSEMBLY);
  if (!assembly) return [];
  // A sitting without a recorded host names no chair, so it takes no part here.
  const hosted = (await ctx.loaders.get(meetingsByCommittee).load(assembly.id)).filter((m) => m.hostGovernmentId !== null);
  const hosts = await ctx.loaders.get(governmentById).loadMany(hosted.map((m) => m.hostGovernmentId!));
  return hosted.flatMap((meeting, index) => {
    const host = hosts[index];
    if (!(host instanceof Government)) return [];
    return [
      { number: meeting.number, host: host.slug, startsOn: meeting.startsOn, endsOn: meeting.endsOn, postponedOn: meeting.postponedOn },
    ];
  });
}

async function recordedExtensions(ctx: RequestContext): Promise<CharterChairExtension[]> {
  const rows = await ctx.loaders.get(chairExtensions).load("all");
  return Promise.all(
    rows.map(async (row) => {
      const [government, item] = await Promise.all([
        ctx.loaders.get(governmentById).load(row.governmentId),
        ctx.loaders.get(agendaItemById).load(row.agendaItemId),
      ]);
      const meeting = item ? await ctx.loaders.get(meetingById).load(item.meetingId) : null;
      return {
        government: government?.slug ?? String(row.governmentId),
        from: row.startsOn,
        until: row.until,
        decision: meeting ? `${meeting.title}, ${meeting.startsOn}` : "recorded decision",
      };
    }),
  );
}

export async function chairVerdict(ctx: RequestContext, day: IsoDate): Promise<ChairVerdict> {
  const [sittings, extensions] = await Promise.all([assemblySittings(ctx), recordedExtensions(ctx)]);
  return chairOn(sittings, extensions, day);
}

@Resolver(() => AssociationType)
export class AssociationResolver {
  @Query(() => AssociationType)
  async association(@Ctx() ctx: RequestContext): Promise<AssociationType> {
    const row = await ctx.loaders.get(associationRecord).load(1);
    return Object.assign(new AssociationType(), {
      name: row.nameEn,
      duesLedgerFrom: row.duesLedgerFrom,
      activityRecordsFrom: row.activityRecordsFrom,
      secretariatHostGovernmentId: row.secretariatHostGovernmentId,
    });
  }

  @FieldResolver(() => Government, { nullable: true, description: "The member hosting the secretariat (Charter Art. 12)." })
  secretariatHost(@Root() association: AssociationType, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    const id = association.secretariatHostGovernmentId;
    return id === null ? null : ctx.loaders.get(governmentById).load(id);
  }

  @FieldResolver(() => ChairType, {
    description: "The chair on `asOf` (default today): the host of the next General Assembly, or a recorded extension.",
  })
  async chair(@Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null, @Ctx() ctx: RequestContext): Promise<ChairType> {
    const day = asOf ?? ctx.today;
    const verdict = await chairVerdict(ctx, day);
    return Object.assign(new ChairType(), { ...verdict, asOf: day, reasons: await reasonsOn(ctx, day, verdict.reasons) });
  }

  @FieldResolver(() => GovernmentConnection, {
    description: "Governments with voting rights on `asOf` (Charter Art. 9(1); Dues Reg. Art. 6), by slug.",
  })
  async votingMembers(
    @Args(() => VotingMembersArgs) args: VotingMembersArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionValue<Government>> {
    const ids = await votingMemberIdsOn(ctx, args.asOf ?? ctx.today);
    const governments = await ctx.loaders.get(governmentById).loadMany(ids);
    return paginateList(
      governments.filter((g): g is Government => g instanceof Government),
      BY_SLUG,
      args,
    );
  }

  @FieldResolver(() => [RestrictedMemberType], { description: "Members whose rights arrears restrict on `asOf`, by slug, with reasons." })
  async restrictedMembers(
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: IsoDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RestrictedMemberType[]> {
    const day = asOf ?? ctx.today;
    const members = await ctx.loaders.get(memberIdsOn).load(day);
    const records = await Promise.all(members.map((id) => charterRecordOf(ctx, id)));
    const restricted = members.flatMap((governmentId, index) => {
      const standing = duesStanding(records[index].periods, records[index].ledger, day);
      return standing.restricted ? [{ governmentId, standing }] : [];
    });
    return Promise.all(
      restricted.map(async ({ governmentId, standing }) =>
        Object.assign(new RestrictedMemberType(), {
          governmentId,
          standing: Object.assign(new DuesStandingType(), { ...standing, asOf: day, reasons: await reasonsOn(ctx, day, standing.reasons) }),
        }),
      ),
    );
  }

  @FieldResolver(() => [Meeting], { description: "The General Assembly's sittings, held and planned, earliest first." })
  async generalAssemblies(@Ctx() ctx: RequestContext): Promise<Meeting[]> {
    const assembly = await ctx.loaders.get(committeeByKind).load(CommitteeKind.GENERAL_ASSEMBLY);
    return assembly ? ctx.loaders.get(meetingsByCommittee).load(assembly.id) : [];
  }
}

@Resolver(() => ChairType)
export class ChairResolver {
  @FieldResolver(() => Government, { nullable: true })
  government(@Root() chair: ChairType, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    return chair.government === null ? null : ctx.loaders.get(governmentBySlug).load(chair.government);
  }
}

@Resolver(() => RestrictedMemberType)
export class RestrictedMemberResolver {
  @FieldResolver(() => Government)
  government(@Root() row: RestrictedMemberType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(row.governmentId);
  }
}
