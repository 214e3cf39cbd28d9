import type { Day } from "./calendar";
import { CharterInputError } from "./errors";
import { INTERPRETATIONS } from "./interpretations";
import { reason } from "./reasons";
import type { Reason } from "./reasons";

/** The bodies that decide Art. 8 items (Art. 9, 9-2). */
export const DECIDING_BODIES = ["GENERAL_ASSEMBLY", "WORKING_COMMITTEE"] as const;
export type DecidingBody = (typeof DECIDING_BODIES)[number];

/** TWO_THIRDS: Art. 9(2), items 1-5; MORE_THAN_HALF: Art. 9(3), items 6-11. */
export const MAJORITIES = ["TWO_THIRDS", "MORE_THAN_HALF"] as const;
export type Majority = (typeof MAJORITIES)[number];

export const DECISION_OUTCOMES = ["PASSED", "FAILED_NO_QUORUM", "FAILED_MAJORITY", "FAILED_NOT_COMPETENT"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * How a recorded decision came to be: decided when its sitting was recorded (or its
 * record completed: attendance, a vote), decided again by an explicit correction, or
 * decided when the hub began keeping decisions, for sittings recorded before.
 */
export const DECISION_BASES = ["RECORDED", "CORRECTED", "DECIDED_AT_UPGRADE"] as const;
export type DecisionBasis = (typeof DECISION_BASES)[number];

/** Charter Art. 8: what the General Assembly decides, by item number. */
const CHARTER_ITEMS: Readonly<Record<number, string>> = {
  1: "admission and expulsion of members and associate members",
  2: "membership dues",
  3: "amendment of the charter",
  4: "dissolution and liquidation",
  5: "location of the secretariat",
  6: "election of auditors",
  7: "budget, settlement and work plans",
  8: "matters set by the Dues Regulation",
  9: "matters concerning the next General Assembly",
  10: "deciding and carrying out work plans",
  11: "other necessary matters",
};

/** Items the Working Committee decides in a year without a General Assembly (Art. 9-2). */
const DELEGATED_ITEMS = new Set([1, 7, 8]);
/** Items that stay with the General Assembly (Art. 9-2 delegates none of them; Art. 7(2) for auditors). */
const RESERVED_ITEMS = new Set([2, 3, 4, 5, 6]);

export interface DecisionRule {
  charterItem: number;
  subject: string;
  majority: Majority;
  article: string;
  /** The Working Committee decides under Art. 9-2 delegation. */
  delegated: boolean;
}

export interface DecisionInput {
  body: DecidingBody;
  charterItem: number;
  /** Whether a General Assembly sits in the meeting's year (Art. 9-2). */
  yearHasGeneralAssembly: boolean;
  writtenConsultation: boolean;
  /** Governments with voting rights on the meeting day. */
  votingMembers: number;
  /** Of them, those present (in a written consultation: those that replied). */
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

export interface Decision {
  rule: DecisionRule;
  quorumRequired: number;
  quorumMet: boolean;
  votesRequired: number;
  outcome: DecisionOutcome;
  /** The sums that decided it, spelled out. */
  arithmetic: string;
  reasons: Reason[];
}

function checkCount(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new CharterInputError(`${field} must be a whole number of 0 or more, got ${value}`, field);
}

export function ruleFor(charterItem: number, body: DecidingBody): DecisionRule {
  if (!Number.isInteger(charterItem) || charterItem < 1 || charterItem > 11) {
    throw new CharterInputError(`charterItem must be an item of Charter Art. 8, 1 to 11, got ${charterItem}`, "charterItem");
  }
  const twoThirds = charterItem <= 5;
  return {
    charterItem,
    subject: CHARTER_ITEMS[charterItem],
    majority: twoThirds ? "TWO_THIRDS" : "MORE_THAN_HALF",
    article: twoThirds ? "Charter Art. 8, 9(2)" : "Charter Art. 8, 9(3)",
    delegated: body === "WORKING_COMMITTEE" && DELEGATED_ITEMS.has(charterItem),
  };
}

/** Votes in favour needed out of `present`: at least two thirds (items 1-5), or more than half (items 6-11). */
function votesRequired(majority: Majority, present: number): number {
  return majority === "TWO_THIRDS" ? Math.ceil((2 * present) / 3) : Math.floor(present / 2) + 1;
}

/** Present voting members needed for a quorum: more than half of those with voting rights (Art. 9(2)). */
export function quorumRequired(votingMembers: number): number {
  return Math.floor(votingMembers / 2) + 1;
}

/** Charter Art. 8, 9, 9-2: does a decision stand, and by what arithmetic? */
export function decide(input: DecisionInput): Decision {
  const rule = ruleFor(input.charterItem, input.body);
  for (const field of ["votingMembers", "present", "votesFor", "votesAgainst", "abstentions"] as const) checkCount(input[field], field);
  if (input.present > input.votingMembers) {
    throw new CharterInputError(
      `present (${input.present}) exceeds the governments with voting rights (${input.votingMembers})`,
      "present",
    );
  }
  const cast = input.votesFor + input.votesAgainst + input.abstentions;
  if (cast > input.present) throw new CharterInputError(`${cast} votes recorded but only ${input.present} voting members present`, "votes");

  const quorum = quorumRequired(input.votingMembers);
  const quorumMet = input.present >= quorum;
  const needed = votesRequired(rule.majority, input.present);
  const majorityText =
    rule.majority === "TWO_THIRDS"
      ? `two thirds of ${input.present} present = ${needed}`
      : `more than half of ${input.present} present = ${needed}`;
  const arithmetic = `quorum: ${input.present} present of ${input.votingMembers} with voting rights, ${quorum} needed (more than half); in favour: ${input.votesFor}, needed ${majorityText}`;
  const reasons: Reason[] = [
    reason(
      rule.majority === "TWO_THIRDS" ? "TWO_THIRDS_RULE" : "MAJORITY_RULE",
      rule.article,
      `Item ${rule.charterItem} (${rule.subject}) needs ${rule.majority === "TWO_THIRDS" ? "at least two thirds" : "more than half"} of the voting members present (${INTERPRETATIONS.TWO_THIRDS_INCLUSIVE_HALF_STRICT.summary}).`,
    ),
  ];
  if (input.writtenConsultation) {
    reasons.push(
      reason(
        "WRITTEN_CONSULTATION",
        INTERPRETATIONS.WRITTEN_CONSULTATION_REPLIES_ARE_PRESENT.article,
        `Decided in writing: ${INTERPRETATIONS.WRITTEN_CONSULTATION_REPLIES_ARE_PRESENT.summary}.`,
      ),
    );
  }

  if (input.body === "WORKING_COMMITTEE") {
    const interp = INTERPRETATIONS.WORKING_COMMITTEE_COMPETENCE;
    if (RESERVED_ITEMS.has(rule.charterItem) || (rule.delegated && input.yearHasGeneralAssembly)) {
      reasons.push(
        reason(
          "NOT_COMPETENT",
          interp.article,
          RESERVED_ITEMS.has(rule.charterItem)
            ? `Item ${rule.charterItem} is reserved to the General Assembly (${interp.summary}).`
            : `A General Assembly sits this year, so item ${rule.charterItem} is not delegated to the Working Committee (${interp.summary}).`,
        ),
      );
      return { rule, quorumRequired: quorum, quorumMet, votesRequired: needed, outcome: "FAILED_NOT_COMPETENT", arithmetic, reasons };
    }
    reasons.push(
      rule.delegated
        ? reason(
            "DELEGATED_TO_WORKING_COMMITTEE",
            "Charter Art. 9-2",
            `No General Assembly sits this year: the Working Committee decides item ${rule.charterItem}.`,
          )
        : reason(
            "WORKING_COMMITTEE_ART_11",
            interp.article,
            `The Working Committee decides item ${rule.charterItem} under Art. 11 (${interp.summary}).`,
          ),
    );
  }

  if (!quorumMet) {
    reasons.push(
      reason(
        "NO_QUORUM",
        "Charter Art. 9(2)",
        `${input.present} present of ${input.votingMembers} with voting rights: ${quorum} needed (${INTERPRETATIONS.QUORUM_OF_VOTING_MEMBERS.summary}).`,
      ),
    );
    return { rule, quorumRequired: quorum, quorumMet, votesRequired: needed, outcome: "FAILED_NO_QUORUM", arithmetic, reasons };
  }
  reasons.push(
    reason("QUORUM_MET", "Charter Art. 9(2)", `${input.present} present of ${input.votingMembers} with voting rights: ${quorum} needed.`),
  );
  if (input.votesFor < needed) {
    reasons.push(reason("MAJORITY_NOT_REACHED", rule.article, `${input.votesFor} in favour; ${needed} needed (${majorityText}).`));
    return { rule, quorumRequired: quorum, quorumMet, votesRequired: needed, outcome: "FAILED_MAJORITY", arithmetic, reasons };
  }
  reasons.push(reason("MAJORITY_REACHED", rule.article, `${input.votesFor} in favour; ${needed} needed (${majorityText}).`));
  return { rule, quorumRequired: quorum, quorumMet, votesRequired: needed, outcome: "PASSED", arithmetic, reasons };
}

/** The counts behind a decision; `outcome` null when the counts cannot be decided on (they contradict each other). */
export interface RecordedCount {
  outcome: DecisionOutcome | null;
  votingMembers: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

function countsText(count: RecordedCount): string {
  return `${count.votingMembers} with voting rights, ${count.present} present, ${count.votesFor} in favour, ${count.votesAgainst} against, ${count.abstentions} abstaining`;
}

/**
 * Whether today's records decide an item otherwise than its recorded decision, said as
 * a reason: DISCREPANCY when the outcome differs (or today's records cannot decide it:
 * `why`), TALLY_DIFFERS when only the counts do; null when they agree. The recorded
 * decision stands either way (Charter Art. 9: a decision is taken at its sitting).
 */
export function discrepancyOf(recorded: RecordedCount & { decidedOn: Day }, today: RecordedCount, why?: string): Reason | null {
  const sameCounts =
    recorded.votingMembers === today.votingMembers &&
    recorded.present === today.present &&
    recorded.votesFor === today.votesFor &&
    recorded.votesAgainst === today.votesAgainst &&
    recorded.abstentions === today.abstentions;
  if (sameCounts && recorded.outcome === today.outcome) return null;
  const asRecorded = `Recorded on ${recorded.decidedOn} as ${recorded.outcome} (${countsText(recorded)})`;
  if (recorded.outcome === today.outcome) {
    return reason(
      "TALLY_DIFFERS",
      "Charter Art. 9(2)-(3)",
      `${asRecorded}; today's records count ${countsText(today)} and decide the same.`,
    );
  }
  const now =
    today.outcome === null
      ? `today's records cannot decide it: ${why ?? "their counts contradict the tally"}`
      : `today's records would decide ${today.outcome} (${countsText(today)})`;
  return reason(
    "DISCREPANCY",
    "Charter Art. 9(2)-(3)",
    `${asRecorded}; ${now}. A later write changed what is known of the meeting day. The recorded decision stands until the secretariat records a correction.`,
  );
}
