import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { Reads } from "../../core/reads/read-plan";
import type { ConnectionValue } from "../../core/pagination";
import { AssociationType } from "../association";
import { Committee, CommitteeKind, committeeById, committeeByKind } from "../committee";
import { Government, governmentById } from "../government";
import { AgendaItem } from "./agenda-item.entity";
import { Meeting } from "./meeting.entity";
import { MeetingsArgs } from "./meeting.args";
import { MeetingConnection, VoteRecord } from "./meeting.types";
import { agendaItemsByMeeting, attendanceByMeeting, meetingById, meetingsByCommittee, votesByAgendaItem } from "./meeting.loader";
import { listMeetings } from "./meeting.service";

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: "Sittings and written consultations of the assemblies and committees." })
  meetings(@Args(() => MeetingsArgs) args: MeetingsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Meeting>> {
    return listMeetings(ctx, args);
  }

  @FieldResolver(() => Committee)
  committee(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Committee | null> {
    return ctx.loaders.get(committeeById).load(meeting.committeeId);
  }

  @FieldResolver(() => Government, {
    nullable: true,
    description: "The host government (for a General Assembly: the chair's, Charter Art. 7(1)).",
  })
  host(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    return meeting.hostGovernmentId === null ? null : ctx.loaders.get(governmentById).load(meeting.hostGovernmentId);
  }

  @FieldResolver(() => [Government], {
    description: "Governments present (in a written consultation: those that replied), by slug. Empty when not recorded.",
  })
  async attendance(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Government[]> {
    const ids = await ctx.loaders.get(attendanceByMeeting).load(meeting.id);
    const governments = await ctx.loaders.get(governmentById).loadMany(ids);
    return governments.filter((g): g is Government => g instanceof Government).sort((a, b) => a.slug.localeCompare(b.slug));
  }

  @FieldResolver(() => [AgendaItem])
  agendaItems(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<AgendaItem[]> {
    return ctx.loaders.get(agendaItemsByMeeting).load(meeting.id);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => Meeting)
  meeting(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return ctx.loaders.get(meetingById).load(item.meetingId);
  }

  @FieldResolver(() => [VoteRecord], { description: "Votes government by government; empty where the sources give only counts." })
  async votes(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<VoteRecord[]> {
    const votes = await ctx.loaders.get(votesByAgendaItem).load(item.id);
    return votes.map((vote) => Object.assign(new VoteRecord(), { governmentId: vote.governmentId, choice: vote.choice }));
  }
}

@Resolver(() => VoteRecord)
export class VoteRecordResolver {
  @FieldResolver(() => Government)
  government(@Root() vote: VoteRecord, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(vote.governmentId);
  }
}

@Resolver(() => Committee)
export class CommitteeMeetingsResolver {
  @Reads([])
  @FieldResolver(() => [Meeting], { description: "The committee's meetings, earliest first." })
  meetings(@Root() committee: Pick<Committee, "id">, @Ctx() ctx: RequestContext): Promise<Meeting[]> {
    return ctx.loaders.get(meetingsByCommittee).load(committee.id);
  }
}

@Resolver(() => AssociationType)
export class AssociationAssembliesResolver {
  @FieldResolver(() => [Meeting], { description: "The General Assembly's sittings, held and planned, earliest first." })
  async generalAssemblies(@Ctx() ctx: RequestContext): Promise<Meeting[]> {
    const assembly = await ctx.loaders.get(committeeByKind).load(CommitteeKind.GENERAL_ASSEMBLY);
    return assembly ? ctx.loaders.get(meetingsByCommittee).load(assembly.id) : [];
  }
}
