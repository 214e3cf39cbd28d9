import type { Day } from "./calendar";
import { duesChangeDays, duesStanding } from "./dues";
import type { DuesLedger, DuesStanding } from "./dues";
import { membershipChangeDays, membershipStandingOn, startWindowText } from "./membership";
import type { MembershipKind, MembershipPeriod } from "./membership";
import { reason, withArticle } from "./reasons";
import type { Reason } from "./reasons";

export interface RightsVerdict {
  /** Null when the sources do not say whether the government held a membership that day (the reason says so). */
  eligible: boolean | null;
  membershipKind: MembershipKind | null;
  dues: DuesStanding | null;
  reasons: Reason[];
}

interface RightArticles {
  right: string;
  member: string;
  associate: string;
  dues: string;
}

const VOTING: RightArticles = {
  right: "vote at the General Assembly and the Working Committee",
  member: "Charter Art. 9(1)",
  associate: "Charter Art. 5-2, 9(1)",
  dues: "Dues Reg. Art. 6; Charter Art. 9(1)",
};

const ELECTION: RightArticles = {
  right: "elect and stand for chair and auditor",
  member: "Charter Art. 7(1)-(2)",
  associate: "Charter Art. 5-2, 7",
  dues: "Dues Reg. Art. 6; Charter Art. 7(3)",
};

function rightsOn(periods: readonly MembershipPeriod[], ledger: DuesLedger, day: Day, articles: RightArticles): RightsVerdict {
  const { period, held } = membershipStandingOn(periods, day);
  if (period !== null && held === "UNKNOWN") {
    return {
      eligible: null,
      membershipKind: period.kind,
      dues: null,
      reasons: [
        reason(
          "MEMBERSHIP_UNKNOWN",
          "Charter Art. 4",
          `Whether it was a ${period.kind.toLowerCase()} on ${day} is unknown: its ${period.kind.toLowerCase()}ship began ${startWindowText(period)}. The right to ${articles.right} is unknown, not denied.`,
        ),
      ],
    };
  }
  if (period === null) {
    return {
      eligible: false,
      membershipKind: null,
      dues: null,
      reasons: [reason("NO_MEMBERSHIP", "Charter Art. 4", `Not a member of NEAR on ${day}: no right to ${articles.right}.`)],
    };
  }
  if (period.kind === "ASSOCIATE") {
    return {
      eligible: false,
      membershipKind: "ASSOCIATE",
      dues: null,
      reasons: [reason("ASSOCIATE_NO_RIGHT", articles.associate, `An associate member never has the right to ${articles.right}.`)],
    };
  }
  if (period.kind === "OBSERVER") {
    return {
      eligible: false,
      membershipKind: "OBSERVER",
      dues: null,
      reasons: [reason("OBSERVER_NOT_MEMBER", "Charter Art. 4", `An observer is not a member: no right to ${articles.right}.`)],
    };
  }
  const dues = duesStanding(periods, ledger, day);
  const memberReason = reason("MEMBER", articles.member, `A member on ${day}: one government, one vote.`);
  if (dues.restricted) {
    return {
      eligible: false,
      membershipKind: "MEMBER",
      dues,
      reasons: [memberReason, ...dues.reasons.map((r) => (r.code === "DUES_ARREARS" ? withArticle(r, articles.dues) : r))],
    };
  }
  return { eligible: true, membershipKind: "MEMBER", dues, reasons: [memberReason, ...dues.reasons] };
}

/** Charter Art. 9(1), 5-2; Dues Reg. Art. 6: may the government vote on `day`? */
export function votingRights(periods: readonly MembershipPeriod[], ledger: DuesLedger, day: Day): RightsVerdict {
  return rightsOn(periods, ledger, day, VOTING);
}

/** Charter Art. 7(1)-(3), 5-2: may the government elect, and stand for, chair and auditor on `day`? */
export function electionRights(periods: readonly MembershipPeriod[], ledger: DuesLedger, day: Day): RightsVerdict {
  return rightsOn(periods, ledger, day, ELECTION);
}

/** The days on which a government's voting and election rights can change, through the day after `until` (`duesChangeDays`): between two of them they are the same. */
export function rightsChangeDays(periods: readonly MembershipPeriod[], ledger: DuesLedger, until: Day): Day[] {
  return [...membershipChangeDays(periods), ...duesChangeDays(periods, ledger, until)];
}
