import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { assemblyCostShares } from "../../charter";
import type { RequestContext } from "../../core/context";
import { InputError, NotFoundError } from "../../core/errors";
import { currencyDigits, formatAmount, parseAmount } from "../../core/money";
import { fromGlobalId } from "../../core/node";
import { CommitteeKind, committeeById } from "../committee";
import { Government, governmentById } from "../government";
import { attendanceByMeeting, costReductionsByMeeting, meetingById } from "../meeting";
import { ReasonType } from "./governance.types";
import { applyRule, memberIdsOn, toReasons } from "./governance.service";

@ObjectType("Money", { description: "An amount in whole minor units of its currency, and the same as a decimal." })
export class MoneyType {
  @Field(() => String, { description: "ISO 4217." })
  currency: string;

  @Field(() => String, { description: "Integer minor units (won, cents), as a string: exact at any size." })
  minorUnits: string;

  @Field(() => String, { description: "The decimal amount, e.g. 12345.67." })
  amount: string;
}

@ObjectType("MemberCostShare")
export class MemberCostShareType {
  governmentId: number;

  @Field(() => Boolean)
  attended: boolean;

  @Field(() => MoneyType, { description: "C/D before any reduction." })
  share: MoneyType;

  @Field(() => MoneyType, { description: "Waived for force majeure, or the whole share when absent: the host covers it." })
  coveredByHost: MoneyType;

  @Field(() => MoneyType)
  payable: MoneyType;
}

@ObjectType("AssemblyCostShares", {
  description: "Who pays what of a General Assembly (Charter Art. 15(2)(ii)); the amounts sum exactly to the total.",
})
export class AssemblyCostSharesType {
  @Field(() => MoneyType)
  total: MoneyType;

  hostGovernmentId: number;

  @Field(() => MoneyType, { description: "B = A − C: the host's half (the odd unit included)." })
  hostHalf: MoneyType;

  @Field(() => MoneyType, { description: "Units C/D leaves over, paid by the host." })
  remainder: MoneyType;

  @Field(() => MoneyType, { description: "Absent members' shares and force-majeure reductions, paid by the host." })
  hostShortfall: MoneyType;

  @Field(() => MoneyType)
  hostPayable: MoneyType;

  @Field(() => [MemberCostShareType], { description: "Every other member on the assembly's first day, by slug." })
  members: MemberCostShareType[];

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

@Resolver(() => AssemblyCostSharesType)
export class CostSharesResolver {
  @Query(() => AssemblyCostSharesType, {
    description: "Splits a General Assembly's cost between host and members (Charter Art. 15(2)(ii)).",
  })
  async assemblyCostShares(
    @Arg("meetingId", () => ID) meetingId: string,
    @Arg("total", () => String, { description: 'Decimal amount in `currency`, e.g. "150000000" (KRW).' }) total: string,
    @Arg("currency", () => String, { description: "ISO 4217, e.g. KRW." }) currency: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AssemblyCostSharesType> {
    const code = currency.trim().toUpperCase();
    const digits = currencyDigits(code, "currency");
    const totalMinor = parseAmount(total, digits, "total");
    const parsed = fromGlobalId(meetingId);
    if (!parsed || parsed.typename !== "Meeting" || !/^\d+$/.test(parsed.key)) {
      throw new InputError(`meetingId: "${meetingId}" is not the ID of a meeting`, "meetingId");
    }
    const meeting = await ctx.loaders.get(meetingById).load(Number(parsed.key));
    if (!meeting) throw new NotFoundError(`meetingId: no meeting "${meetingId}"`, "meetingId");
    const committee = await ctx.loaders.get(committeeById).load(meeting.committeeId);
    if (committee?.kind !== CommitteeKind.GENERAL_ASSEMBLY) {
      throw new InputError("meetingId: Art. 15(2)(ii) shares the cost of a General Assembly; this meeting is not one", "meetingId");
    }
    if (meeting.hostGovernmentId === null)
      throw new InputError("meetingId: the assembly has no recorded host to bear half the cost", "meetingId");

    const [memberIds, attendance, reductions] = await Promise.all([
      ctx.loaders.get(memberIdsOn).load(meeting.startsOn),
      ctx.loaders.get(attendanceByMeeting).load(meeting.id),
      ctx.loaders.get(costReductionsByMeeting).load(meeting.id),
    ]);
    const others = memberIds.filter((id) => id !== meeting.hostGovernmentId);
    const governments = await ctx.loaders.get(governmentById).loadMany([meeting.hostGovernmentId, ...others]);
    const slugOf = new Map(governments.filter((g): g is Government => g instanceof Government).map((g) => [g.id, g.slug]));
    const idOf = new Map([...slugOf].map(([id, slug]) => [slug, id]));
    const otherSlugs = others.map((id) => slugOf.get(id)!);
    // With no attendance recorded (a planned assembly) the split assumes every member attends.
    const attending = new Set(meeting.attendanceRecorded ? attendance.map((id) => slugOf.get(id) ?? "") : otherSlugs);
    const shares = applyRule(() =>
      assemblyCostShares({
        totalMinor,
        host: slugOf.get(meeting.hostGovernmentId!)!,
        otherMembers: otherSlugs,
        attending,
        reductionsBp: new Map(reductions.map((r) => [slugOf.get(r.governmentId) ?? "", r.reductionBp])),
      }),
    );
    const money = (minor: bigint) =>
      Object.assign(new MoneyType(), { currency: code, minorUnits: minor.toString(), amount: formatAmount(minor, digits) });
    const reasons = toReasons(shares.reasons);
    if (!meeting.attendanceRecorded) {
      reasons.push(
        Object.assign(new ReasonType(), {
          code: "ATTENDANCE_NOT_RECORDED",
          article: "Charter Art. 15(2)(ii)",
          message: "No attendance is recorded for this assembly: the shares assume every member attends.",
        }),
      );
    }
    return Object.assign(new AssemblyCostSharesType(), {
      total: money(shares.totalMinor),
      hostGovernmentId: meeting.hostGovernmentId,
      hostHalf: money(shares.hostHalfMinor),
      remainder: money(shares.remainderMinor),
      hostShortfall: money(shares.hostShortfallMinor),
      hostPayable: money(shares.hostPayableMinor),
      members: shares.members.map((m) =>
        Object.assign(new MemberCostShareType(), {
          governmentId: idOf.get(m.government)!,
          attended: m.attended,
          share: money(m.shareMinor),
          coveredByHost: money(m.reductionMinor),
          payable: money(m.payableMinor),
        }),
      ),
      reasons,
    });
  }

  @FieldResolver(() => Government)
  host(@Root() shares: AssemblyCostSharesType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(shares.hostGovernmentId);
  }
}

@Resolver(() => MemberCostShareType)
export class MemberCostShareResolver {
  @FieldResolver(() => Government)
  government(@Root() share: MemberCostShareType, @Ctx() ctx: RequestContext): Promise<Government | null> {
    return ctx.loaders.get(governmentById).load(share.governmentId);
  }
}
