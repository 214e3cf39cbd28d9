import { assemblyCostShares } from "../../charter";
import type { Reason } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import { InputError, NotFoundError } from "../../core/errors";
import { currencyDigits, formatAmount, parseAmount } from "../../core/money";
import { integerKeyOf } from "../../core/node";
import { applyRule, toReasons } from "../../core/reasons";
import { CommitteeKind, committeeById } from "../committee";
import { Government, governmentById } from "../government";
import { attendanceByMeeting, costReductionsByMeeting, meetingById } from "../meeting";
import { memberIdsOn, uncertainMemberIdsOn } from "../membership";
import { AssemblyCostSharesType, MemberCostShareType, MoneyType } from "./cost-shares.types";

/**
 * D counts the members known on the assembly's first day; governments whose membership
 * that day is unknown are named apart, with what D would be if they were members,
 * never counted in (charter/interpretations.ts, UNKNOWN_START_WINDOW).
 */
function uncertainMembers(slugs: readonly string[], day: string, known: number): Reason[] {
  if (slugs.length === 0) return [];
  return [
    {
      code: "MEMBERSHIP_UNKNOWN",
      article: "Charter Art. 15(2)(ii); Art. 4",
      message: `Whether ${slugs.join(", ")} ${slugs.length === 1 ? "was a member" : "were members"} on ${day} is unknown: D counts the ${known} members known that day. Were ${slugs.length === 1 ? "it" : "they"} members, D would be ${known + slugs.length}.`,
    },
  ];
}

export interface CostSharesRequest {
  /** The global ID of a General Assembly sitting. */
  meetingId: string;
  /** Decimal amount in `currency`. */
  total: string;
  /** ISO 4217. */
  currency: string;
}

/**
 * Splits a General Assembly's cost between host and members (Charter Art. 15(2)(ii)).
 * Bad arguments are BAD_USER_INPUT or NOT_FOUND naming the argument.
 */
export async function assemblyCostSharesOf(uow: UnitOfWork, request: CostSharesRequest): Promise<AssemblyCostSharesType> {
  const currency = request.currency.trim().toUpperCase();
  const digits = currencyDigits(currency, "currency");
  const totalMinor = parseAmount(request.total, digits, "total");
  const meeting = await uow.loaders.get(meetingById).load(integerKeyOf(request.meetingId, "Meeting", "meetingId"));
  if (!meeting) throw new NotFoundError(`meetingId: no meeting "${request.meetingId}"`, "meetingId");
  const committee = await uow.loaders.get(committeeById).load(meeting.committeeId);
  if (committee?.kind !== CommitteeKind.GENERAL_ASSEMBLY) {
    throw new InputError("meetingId: Art. 15(2)(ii) shares the cost of a General Assembly; this meeting is not one", "meetingId");
  }
  const hostId = meeting.hostGovernmentId;
  if (hostId === null) throw new InputError("meetingId: the assembly has no recorded host to bear half the cost", "meetingId");

  const [memberIds, uncertainIds, attendance, reductions] = await Promise.all([
    uow.loaders.get(memberIdsOn).load(meeting.startsOn),
    uow.loaders.get(uncertainMemberIdsOn).load(meeting.startsOn),
    uow.loaders.get(attendanceByMeeting).load(meeting.id),
    uow.loaders.get(costReductionsByMeeting).load(meeting.id),
  ]);
  const others = memberIds.filter((id) => id !== hostId);
  const governments = await uow.loaders.get(governmentById).loadMany([hostId, ...others, ...uncertainIds]);
  const slugOf = new Map(governments.filter((g): g is Government => g instanceof Government).map((g) => [g.id, g.slug]));
  const idOf = new Map([...slugOf].map(([id, slug]) => [slug, id]));
  const shares = applyRule(() =>
    assemblyCostShares({
      totalMinor,
      host: slugOf.get(hostId) ?? String(hostId),
      otherMembers: others.map((id) => slugOf.get(id) ?? String(id)),
      attending: meeting.attendanceRecorded ? new Set(attendance.map((id) => slugOf.get(id) ?? String(id))) : null,
      reductionsBp: new Map(reductions.map((r) => [slugOf.get(r.governmentId) ?? String(r.governmentId), r.reductionBp])),
    }),
  );
  const money = (minor: bigint) =>
    Object.assign(new MoneyType(), { currency, minorUnits: minor.toString(), amount: formatAmount(minor, digits) });
  return Object.assign(new AssemblyCostSharesType(), {
    total: money(shares.totalMinor),
    hostGovernmentId: hostId,
    hostHalf: money(shares.hostHalfMinor),
    remainder: money(shares.remainderMinor),
    hostShortfall: money(shares.hostShortfallMinor),
    hostPayable: money(shares.hostPayableMinor),
    members: shares.members.map((m) =>
      Object.assign(new MemberCostShareType(), {
        governmentId: idOf.get(m.government),
        attended: m.attended,
        share: money(m.shareMinor),
        coveredByHost: money(m.reductionMinor),
        payable: money(m.payableMinor),
      }),
    ),
    reasons: toReasons([
      ...shares.reasons,
      ...uncertainMembers(
        uncertainIds.map((id) => slugOf.get(id) ?? String(id)),
        meeting.startsOn,
        others.length,
      ),
    ]),
  });
}
