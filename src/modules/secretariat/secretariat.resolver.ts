import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Reads } from "../../core/reads/read-plan";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { LanguageTagScalar, LocalizedName, namesEnZh, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { Government, governmentById } from "../government";
import { Appointment } from "./appointment.entity";
import { Department } from "./department.entity";
import { Post } from "./post.entity";
import { StaffMember } from "./staff-member.entity";
import { StaffArgs } from "./secretariat.args";
import {
  appointmentsByDispatchingGovernment,
  appointmentsByPost,
  appointmentsByStaffMember,
  departmentById,
  postById,
  postBySlug,
  postsByDepartment,
  staffMemberById,
  staffMemberBySlug,
} from "./secretariat.loader";
import { listDepartments, listStaff } from "./secretariat.service";
import { predecessorIn, successorIn } from "./secretariat.rules";
import { appointmentHeldOn } from "../../charter";
import { StaffMemberConnection } from "./secretariat.types";
import { AsOf } from "../../core/as-of";

const asOfArg = { description: "The day to answer for; default today." } as const;

@Resolver(() => StaffMember)
export class StaffMemberResolver {
  @Query(() => StaffMember, { nullable: true, description: "A person of the secretariat by slug; null if unknown." })
  staffMember(@Arg("slug", () => String) slug: string, @Ctx() ctx: RequestContext): Promise<StaffMember | null> {
    return ctx.loaders.get(staffMemberBySlug).load(slug);
  }

  @Query(() => StaffMemberConnection, { description: "The people of the secretariat." })
  staff(@Args(() => StaffArgs) args: StaffArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<StaffMember>> {
    return listStaff(ctx, args);
  }

  @FieldResolver(() => [Appointment], { description: "Every post the person held, earliest first." })
  appointments(@Root() staff: StaffMember, @Ctx() ctx: RequestContext): Promise<Appointment[]> {
    return ctx.loaders.get(appointmentsByStaffMember).load(staff.id);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: "The secretariat's departments, by slug." })
  departments(@Ctx() ctx: RequestContext): Promise<Department[]> {
    return listDepartments(ctx);
  }

  @FieldResolver(() => LocalizedName)
  name(
    @Root() department: Department,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName(namesEnZh(department.nameEn, department.nameZh), lang ?? ctx.preferredLang);
  }

  @FieldResolver(() => [Post])
  posts(@Root() department: Department, @Ctx() ctx: RequestContext): Promise<Post[]> {
    return ctx.loaders.get(postsByDepartment).load(department.id);
  }
}

@Resolver(() => Post)
export class PostResolver {
  @Query(() => Post, { nullable: true, description: "A secretariat post by slug; null if unknown." })
  post(@Arg("slug", () => String) slug: string, @Ctx() ctx: RequestContext): Promise<Post | null> {
    return ctx.loaders.get(postBySlug).load(slug);
  }

  @FieldResolver(() => LocalizedName, {
    description: "The post's title in the language asked for (English or Chinese, as the report gives them).",
  })
  title(
    @Root() post: Post,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName(namesEnZh(post.titleEn, post.titleZh), lang ?? ctx.preferredLang);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() post: Post, @Ctx() ctx: RequestContext): Promise<Department | null> | null {
    return post.departmentId === null ? null : ctx.loaders.get(departmentById).load(post.departmentId);
  }

  @FieldResolver(() => [Appointment], { description: "Everyone who held the post, in order of holding." })
  holders(@Root() post: Post, @Ctx() ctx: RequestContext): Promise<Appointment[]> {
    return ctx.loaders.get(appointmentsByPost).load(post.id);
  }

  @FieldResolver(() => [Appointment], { description: "Who held the post on `asOf` (some posts have several seats)." })
  async holdersOn(@Root() post: Post, @AsOf(asOfArg) asOf: IsoDate, @Ctx() ctx: RequestContext): Promise<Appointment[]> {
    const all = await ctx.loaders.get(appointmentsByPost).load(post.id);
    return all.filter((appointment) => appointmentHeldOn(appointment, asOf));
  }
}

@Resolver(() => Appointment)
export class AppointmentResolver {
  @FieldResolver(() => StaffMember)
  staffMember(@Root() appointment: Appointment, @Ctx() ctx: RequestContext): Promise<StaffMember | null> {
    return ctx.loaders.get(staffMemberById).load(appointment.staffMemberId);
  }

  @FieldResolver(() => Post)
  post(@Root() appointment: Appointment, @Ctx() ctx: RequestContext): Promise<Post | null> {
    return ctx.loaders.get(postById).load(appointment.postId);
  }

  @FieldResolver(() => Government, {
    nullable: true,
    description: "The member government that dispatched the person (Charter Art. 13(2)).",
  })
  dispatchedBy(@Root() appointment: Appointment, @Ctx() ctx: RequestContext): Promise<Government | null> | null {
    const id = appointment.dispatchedByGovernmentId;
    return id === null ? null : ctx.loaders.get(governmentById).load(id);
  }

  @FieldResolver(() => Boolean, { description: "Whether the post is held on `asOf` (a FORMER appointment with no end date never is)." })
  heldOn(@Root() appointment: Appointment, @AsOf(asOfArg) asOf: IsoDate): boolean {
    return appointmentHeldOn(appointment, asOf);
  }

  @FieldResolver(() => Appointment, { nullable: true, description: "The previous holder of the same post, from the post's history." })
  async predecessor(@Root() appointment: Appointment, @Ctx() ctx: RequestContext): Promise<Appointment | null> {
    const history = await ctx.loaders.get(appointmentsByPost).load(appointment.postId);
    return predecessorIn(history, appointment);
  }

  @FieldResolver(() => Appointment, { nullable: true, description: "The next holder of the same post, from the post's history." })
  async successor(@Root() appointment: Appointment, @Ctx() ctx: RequestContext): Promise<Appointment | null> {
    const history = await ctx.loaders.get(appointmentsByPost).load(appointment.postId);
    return successorIn(history, appointment);
  }
}

@Resolver(() => Government)
export class GovernmentStaffResolver {
  @Reads([])
  @FieldResolver(() => [Appointment], { description: "Secretariat posts held on `asOf` by people this government dispatched." })
  async dispatchedStaff(
    @Root() government: Pick<Government, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<Appointment[]> {
    const all = await ctx.loaders.get(appointmentsByDispatchingGovernment).load(government.id);
    return all.filter((appointment) => appointmentHeldOn(appointment, asOf));
  }

  @Reads([])
  @FieldResolver(() => [Appointment], { description: "Every secretariat post ever held by people this government dispatched." })
  dispatchedStaffHistory(@Root() government: Pick<Government, "id">, @Ctx() ctx: RequestContext): Promise<Appointment[]> {
    return ctx.loaders.get(appointmentsByDispatchingGovernment).load(government.id);
  }
}
