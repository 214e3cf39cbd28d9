import { reason } from "./reasons";
import type { Reason } from "./reasons";

interface BudgetReviewCandidate {
  government: string;
  country: string;
  /** Whether the government has an official dispatched to the secretariat on the day. */
  dispatchesOfficial: boolean;
}

export interface BudgetReviewInput {
  members: readonly BudgetReviewCandidate[];
  /** The government hosting the secretariat (Gyeongsangbuk-do): Korea's member must be another one. */
  secretariatHost: string;
  secretariatHostCountry: string;
  auditorGovernments: ReadonlySet<string>;
}

export interface BudgetReviewVerdict {
  valid: boolean;
  reasons: Reason[];
}

const ARTICLE = "Dues Reg. Art. 8(1)";

/** Dues Reg. Art. 8(1): one member per country, from dispatching governments, Korea's not from the secretariat's host, none an auditor's. */
export function checkBudgetReviewComposition(input: BudgetReviewInput): BudgetReviewVerdict {
  const problems: Reason[] = [];
  const byCountry = new Map<string, string[]>();
  for (const member of input.members) byCountry.set(member.country, [...(byCountry.get(member.country) ?? []), member.government]);
  for (const [country, governments] of byCountry) {
    if (governments.length > 1)
      problems.push(
        reason(
          "MORE_THAN_ONE_PER_COUNTRY",
          ARTICLE,
          `${country} has ${governments.length} members (${governments.join(", ")}); one per country.`,
        ),
      );
  }
  for (const member of input.members) {
    if (!member.dispatchesOfficial) {
      problems.push(reason("NOT_DISPATCHING", ARTICLE, `${member.government} has no official dispatched to the secretariat.`));
    }
    if (member.government === input.secretariatHost) {
      problems.push(
        reason(
          "SECRETARIAT_HOST_EXCLUDED",
          ARTICLE,
          `${input.secretariatHostCountry}'s member must come from a government other than ${input.secretariatHost}.`,
        ),
      );
    }
    if (input.auditorGovernments.has(member.government)) {
      problems.push(reason("AUDITOR_GOVERNMENT", ARTICLE, `${member.government} is an auditor's government.`));
    }
  }
  if (problems.length > 0) return { valid: false, reasons: problems };
  return {
    valid: true,
    reasons: [
      reason(
        "COMPOSITION_VALID",
        ARTICLE,
        `${input.members.length} member(s) from ${byCountry.size} country(ies), each from a dispatching government, none an auditor's.`,
      ),
    ],
  };
}
