import { CharterInputError } from "./errors";
import { INTERPRETATIONS } from "./interpretations";
import { reason } from "./reasons";
import type { Reason } from "./reasons";

export interface CostShareInput {
  /** A, in whole minor units of the currency (won, cents…). */
  totalMinor: bigint;
  host: string;
  /** Every member other than the host on the assembly's day: D of Art. 15(2)(ii). */
  otherMembers: readonly string[];
  /**
   * Governments that attended; null when attendance is not recorded (a planned
   * assembly), and the split then assumes every member attends, and says so.
   */
  attending: ReadonlySet<string> | null;
  /** Recorded force-majeure reductions, in basis points of the member's share (10000 = all of it). */
  reductionsBp: ReadonlyMap<string, number>;
}

interface MemberShare {
  government: string;
  attended: boolean;
  /** C/D, the even share before any reduction. */
  shareMinor: bigint;
  reductionMinor: bigint;
  payableMinor: bigint;
}

export interface CostShares {
  totalMinor: bigint;
  /** B = A/2 before it takes on the rest: A − C. */
  hostHalfMinor: bigint;
  /** What rounding C/D leaves over. */
  remainderMinor: bigint;
  /** Absent members' shares and force-majeure reductions, which fall to the host. */
  hostShortfallMinor: bigint;
  hostPayableMinor: bigint;
  members: MemberShare[];
  reasons: Reason[];
}

/**
 * Charter Art. 15(2)(ii): the host pays half the cost of a General Assembly; the
 * other half is split evenly over the other members; the host covers absent members
 * and force-majeure reductions. Amounts are whole minor units and always add up to
 * the total (COST_REMAINDER_TO_HOST says where the odd units go).
 */
export function assemblyCostShares(input: CostShareInput): CostShares {
  if (input.totalMinor < 0n) throw new CharterInputError(`total must not be negative, got ${input.totalMinor}`, "total");
  if (input.otherMembers.includes(input.host))
    throw new CharterInputError(`the host ${input.host} is among the other members`, "otherMembers");
  for (const [government, bp] of input.reductionsBp) {
    if (!Number.isInteger(bp) || bp < 0 || bp > 10_000) {
      throw new CharterInputError(`the reduction for ${government} must be 0 to 10000 basis points, got ${bp}`, "reductions");
    }
  }
  const d = BigInt(input.otherMembers.length);
  const othersPart = input.totalMinor / 2n;
  const share = d === 0n ? 0n : othersPart / d;
  const remainder = d === 0n ? othersPart : othersPart - share * d;
  const hostHalf = input.totalMinor - othersPart;

  let shortfall = 0n;
  const members = [...input.otherMembers].sort().map((government): MemberShare => {
    const attended = input.attending === null || input.attending.has(government);
    const reduction = attended ? (share * BigInt(input.reductionsBp.get(government) ?? 0)) / 10_000n : share;
    shortfall += reduction;
    return { government, attended, shareMinor: share, reductionMinor: reduction, payableMinor: share - reduction };
  });
  const hostPayable = hostHalf + remainder + shortfall;
  const absent = members.filter((m) => !m.attended).length;
  const reasons: Reason[] = [
    reason("HOST_PAYS_HALF", "Charter Art. 15(2)(ii)", `The host pays B = A − C = ${hostHalf} of A = ${input.totalMinor}.`),
    reason(
      "OTHERS_SHARE_EVENLY",
      "Charter Art. 15(2)(ii)",
      `C = ${othersPart} is split over D = ${d} other members: ${share} each, ${remainder} left over.`,
    ),
    reason(
      "REMAINDER_TO_HOST",
      INTERPRETATIONS.COST_REMAINDER_TO_HOST.article,
      `Whole minor units: ${INTERPRETATIONS.COST_REMAINDER_TO_HOST.summary}.`,
    ),
  ];
  if (input.attending === null) {
    reasons.push(
      reason(
        "ATTENDANCE_NOT_RECORDED",
        "Charter Art. 15(2)(ii)",
        "No attendance is recorded for this assembly: the shares assume every member attends.",
      ),
    );
  }
  if (absent > 0)
    reasons.push(reason("ABSENT_MEMBERS_TO_HOST", "Charter Art. 15(2)(ii)", `${absent} member(s) absent: the host pays their shares.`));
  const reduced = members.filter((m) => m.attended && m.reductionMinor > 0n);
  if (reduced.length > 0) {
    reasons.push(
      reason(
        "FORCE_MAJEURE_REDUCTION",
        "Charter Art. 15(2)(ii)",
        `${reduced.length} member(s) granted a force-majeure reduction after consultation: the host covers it.`,
      ),
    );
  }
  return {
    totalMinor: input.totalMinor,
    hostHalfMinor: hostHalf,
    remainderMinor: remainder,
    hostShortfallMinor: shortfall,
    hostPayableMinor: hostPayable,
    members,
    reasons,
  };
}
