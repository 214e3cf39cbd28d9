import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { ReadPlanOf, Reads } from "../../core/reads/read-plan";
import type { ReadPlan } from "../../core/reads/column-plan";
import type { RequestContext } from "../../core/context";
import { childRows, wholeChildRows } from "../../core/reads/column-plan";
import { withChildRows } from "../../core/loaders";
import type { IsoDate } from "../../core/dates";
import { LanguageTagScalar, LocalizedName, namesEnZh, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { Government, governmentById } from "../government";
import { committeeStatus, covers } from "../../charter";
import { COMMITTEE_LIFE_COLUMNS, Committee } from "./committee.entity";
import type { CommitteeWithLife } from "./committee.entity";
import { CommitteeParticipation } from "./committee-participation.entity";
import { CoordinatorTerm } from "./coordinator-term.entity";
import { CommitteesArgs, CommitteeStatus } from "./committee.args";
import {
  committeeById,
  committeeBySlug,
  coordinatorTermsByCommittee,
  coordinatorTermsByGovernment,
  participationsByCommittee,
  participationsByGovernment,
} from "./committee.loader";
import { listCommittees } from "./committee.service";
import { CommitteeConnection } from "./committee.types";
import { AsOf } from "../../core/as-of";

const asOfArg = { description: "The day to answer for; default today." } as const;

@Resolver(() => Committee)
export class CommitteeResolver {
  @Query(() => Committee, { nullable: true, description: "A committee by slug (general-assembly, sc-08, …); null if unknown." })
  committee(@Arg("slug", () => String) slug: string, @Ctx() ctx: RequestContext): Promise<Committee | null> {
    return ctx.loaders.get(committeeBySlug).load(slug);
  }

  @Query(() => CommitteeConnection)
  committees(
    @Args(() => CommitteesArgs) args: CommitteesArgs,
    @Ctx() ctx: RequestContext,
    @ReadPlanOf() read: ReadPlan<Committee>,
  ): Promise<ConnectionValue<Committee>> {
    return listCommittees(ctx, args, read);
  }

  @Reads<Committee>(["nameEn", "nameZh"])
  @FieldResolver(() => LocalizedName, {
    nullable: true,
    description: "Null for the three abolished committees, whose names the report does not print.",
  })
  name(
    @Root() committee: Pick<Committee, "nameEn" | "nameZh">,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName(namesEnZh(committee.nameEn, committee.nameZh), lang ?? ctx.preferredLang);
  }

  @Reads<Committee>(COMMITTEE_LIFE_COLUMNS)
  @FieldResolver(() => CommitteeStatus)
  status(@Root() committee: CommitteeWithLife, @AsOf(asOfArg) asOf: IsoDate): CommitteeStatus {
    return committeeStatus(committee, asOf);
  }

  @Reads<Committee>({
    columns: [],
    // The terms with the columns their selection and `covers` read.
    children: [
      childRows(coordinatorTermsByCommittee, CoordinatorTerm, ["startedOn", "startPrecision", "attestedOn", "endedOn", "endPrecision"]),
    ],
  })
  @FieldResolver(() => [CoordinatorTerm], {
    description: "Coordinators on `asOf` (several when co-coordinated, Committee Reg. Art. 5(2)).",
  })
  coordinators(
    @Root() committee: Pick<Committee, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): CoordinatorTerm[] | Promise<CoordinatorTerm[]> {
    return withChildRows(ctx.loaders, committee, coordinatorTermsByCommittee, committee.id, (terms) =>
      terms.filter((term) => covers(term, asOf)),
    );
  }

  @Reads<Committee>({ columns: [], children: [childRows(coordinatorTermsByCommittee, CoordinatorTerm)] })
  @FieldResolver(() => [CoordinatorTerm], { description: "Every coordinator over time, earliest first (undated starts first)." })
  coordinatorHistory(@Root() committee: Pick<Committee, "id">, @Ctx() ctx: RequestContext): CoordinatorTerm[] | Promise<CoordinatorTerm[]> {
    return withChildRows(ctx.loaders, committee, coordinatorTermsByCommittee, committee.id, (terms) => terms);
  }

  @Reads([])
  @FieldResolver(() => [CommitteeParticipation], { description: "Governments taking part on `asOf` besides the coordinators." })
  async participants(
    @Root() committee: Pick<Committee, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<CommitteeParticipation[]> {
    const rows = await ctx.loaders.get(participationsByCommittee).load(committee.id);
    return rows.filter((row) => covers(row, asOf));
  }
}

@Resolver(() => CoordinatorTerm)
export class CoordinatorTermResolver {
  // A list of terms its parent's read brings may bring each term's committee along, whole.
  @Reads<CoordinatorTerm>({ columns: ["committeeId"], related: { entity: Committee, key: "committeeId", loader: committeeById } })
  @FieldResolver(() => Committee)
  committee(@Root() term: Pick<CoordinatorTerm, "committeeId">, @Ctx() ctx: RequestContext): Promise<Committee | null> {
    return ctx.loaders.get(committeeById).load(term.committeeId);
  }

  @Reads<CoordinatorTerm>({ columns: ["governmentId"], related: { entity: Government, key: "governmentId", loader: governmentById } })
  @FieldResolver(() => Government)
  government(@Root() term: Pick<CoordinatorTerm, "governmentId">, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(term.governmentId);
  }
}

@Resolver(() => CommitteeParticipation)
export class CommitteeParticipationResolver {
  @FieldResolver(() => Committee)
  committee(@Root() row: CommitteeParticipation, @Ctx() ctx: RequestContext): Promise<Committee | null> {
    return ctx.loaders.get(committeeById).load(row.committeeId);
  }

  @FieldResolver(() => Government)
  government(@Root() row: CommitteeParticipation, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(row.governmentId);
  }
}

@Resolver(() => Government)
export class GovernmentCommitteesResolver {
  @Reads<Government>({
    columns: [],
    // The terms with the columns their selection and `covers` read.
    children: [
      childRows(coordinatorTermsByGovernment, CoordinatorTerm, ["startedOn", "startPrecision", "attestedOn", "endedOn", "endPrecision"]),
    ],
  })
  @FieldResolver(() => [CoordinatorTerm], { description: "Committees this government coordinates on `asOf`." })
  coordinatorTerms(
    @Root() government: Pick<Government, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): CoordinatorTerm[] | Promise<CoordinatorTerm[]> {
    return withChildRows(ctx.loaders, government, coordinatorTermsByGovernment, government.id, (terms) =>
      terms.filter((term) => covers(term, asOf)),
    );
  }

  @Reads<Government>({ columns: [], children: [wholeChildRows(coordinatorTermsByGovernment), wholeChildRows(participationsByGovernment)] })
  @FieldResolver(() => [Committee], {
    description:
      "Specialised committees this government coordinates or takes part in on `asOf`, by number. Every member sits in the General Assembly and Working Committee; those are not listed.",
  })
  async committees(
    @Root() government: Pick<Government, "id">,
    @AsOf(asOfArg) asOf: IsoDate,
    @Ctx() ctx: RequestContext,
  ): Promise<Committee[]> {
    const [terms, participations] = await Promise.all([
      withChildRows(ctx.loaders, government, coordinatorTermsByGovernment, government.id, (terms) => terms),
      withChildRows(ctx.loaders, government, participationsByGovernment, government.id, (rows) => rows),
    ]);
    const ids = new Set([...terms, ...participations].filter((row) => covers(row, asOf)).map((row) => row.committeeId));
    const committees = await ctx.loaders.get(committeeById).loadMany([...ids]);
    return committees.filter((c): c is Committee => c !== null && !(c instanceof Error)).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  }
}
