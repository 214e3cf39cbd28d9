/**
 * Every reading this module takes where the texts are ambiguous (`[interp]` in
 * near-2020/rules.md), named and explained in one place. A reason message that
 * depends on one quotes its `summary`; changing one needs a test that shows why.
 */
export interface Interpretation {
  id: string;
  article: string;
  summary: string;
}

function define(id: string, article: string, summary: string): Interpretation {
  return { id, article, summary };
}

export const INTERPRETATIONS = {
  /**
   * Dues Reg. Art. 6 says "unpaid for two or more fiscal years" without saying
   * whether the years must be consecutive. DESIGN.md fixes the reading: the two most
   * recent assessed years whose due date has passed must both be unpaid. One paid
   * year between two unpaid ones keeps the vote.
   */
  ARREARS_TWO_MOST_RECENT_YEARS: define(
    "ARREARS_TWO_MOST_RECENT_YEARS",
    "Dues Reg. Art. 6",
    "rights are restricted when the two most recent assessed fiscal years past their due date are both unpaid",
  ),
  /**
   * "Restored from the fiscal year in which payment resumes": any payment received
   * in the fiscal year of the day asked about restores rights for the rest of that
   * year, whatever it pays for and even after 30 April. Payments after the day asked
   * about do not count: an answer for a day uses what had happened by then.
   */
  RESTORED_BY_ANY_PAYMENT_IN_YEAR: define(
    "RESTORED_BY_ANY_PAYMENT_IN_YEAR",
    "Dues Reg. Art. 6",
    "a payment received in the fiscal year restores rights for that whole year, even with older arrears and even after 30 April",
  ),
  /**
   * Dues Reg. Art. 5 speaks of "each member regional government". A fiscal year is
   * assessed when the government holds a MEMBER membership on that year's due date
   * (30 April) and was admitted in an earlier year (Art. 5(2): from the year after
   * admission). Associates and observers owe nothing.
   */
  ASSESSED_IF_MEMBER_ON_DUE_DATE: define(
    "ASSESSED_IF_MEMBER_ON_DUE_DATE",
    "Dues Reg. Art. 5",
    "a fiscal year is assessed when the government is a member on its due date (30 April) and was admitted in an earlier year",
  ),
  /**
   * A start the sources do not give lies between the earliest day it can fall on (the
   * founding, 1996-09-12, for a membership; the committee's creation for its
   * coordinator) and the first day a source attests it; a date known to the year or
   * month covers only that year or month. On a day inside, whether the period holds is
   * unknown: verdicts say UNKNOWN, counts count it apart, nothing is guessed.
   */
  UNKNOWN_START_WINDOW: define(
    "UNKNOWN_START_WINDOW",
    "Charter Art. 4, 19",
    "a start the sources do not give lies between the earliest possible day and the first source that attests it, and on a day inside that window whether the period holds is unknown",
  ),
  /**
   * A fiscal year the secretariat's ledger records nothing of (no status, no booked
   * payment) is unknown: neither paid nor unpaid. Rights are restricted only on years
   * known to be unpaid, so facts the hub never held (the 2020 report has no payments)
   * restrict no one, and opening the ledger restricts only whom it records as unpaid.
   */
  UNKNOWN_NEVER_RESTRICTS: define(
    "UNKNOWN_NEVER_RESTRICTS",
    "Dues Reg. Art. 6",
    "a fiscal year whose payment the ledger does not record is unknown, and an unknown year never restricts a vote",
  ),
  /**
   * Charter Art. 9(2): "过半数出席" of the members *holding voting rights*: the quorum
   * denominator leaves out associates, observers and members restricted for arrears,
   * and only members with voting rights count as present.
   */
  QUORUM_OF_VOTING_MEMBERS: define(
    "QUORUM_OF_VOTING_MEMBERS",
    "Charter Art. 9(2)",
    "the quorum counts only governments with voting rights that day, both present and in all",
  ),
  /**
   * "三分之二以上" (two thirds or more) is inclusive: 2/3 exactly passes. "过半数" (more
   * than half) is strict: exactly half fails.
   */
  TWO_THIRDS_INCLUSIVE_HALF_STRICT: define(
    "TWO_THIRDS_INCLUSIVE_HALF_STRICT",
    "Charter Art. 9(2)-(3)",
    "two thirds is reached at exactly two thirds; a majority needs more than half",
  ),
  /**
   * Art. 9-2 hands items 1, 7 and 8 to the Working Committee in a year without a
   * General Assembly. Items 2-6 stay with the General Assembly (Art. 7(2) has it
   * elect auditors). For items 9-11 the Working Committee acts under Art. 11 ("matters
   * delegated by the General Assembly; other") with the Art. 9(3) majority: this is
   * how the 2020 written consultation postponed the 13th General Assembly.
   */
  WORKING_COMMITTEE_COMPETENCE: define(
    "WORKING_COMMITTEE_COMPETENCE",
    "Charter Art. 9-2, 11",
    "the Working Committee decides items 1, 7, 8 only in a year without a General Assembly, items 9-11 under Art. 11, and never items 2-6",
  ),
  /**
   * In a written consultation the governments that replied are the ones "present".
   */
  WRITTEN_CONSULTATION_REPLIES_ARE_PRESENT: define(
    "WRITTEN_CONSULTATION_REPLIES_ARE_PRESENT",
    "Charter Art. 9(2)",
    "in a written consultation, the governments that replied count as present",
  ),
  /**
   * Art. 15(2)(ii) halves the cost but amounts are whole minor units: the others'
   * part C is A/2 rounded down and split evenly rounded down; every unit left over,
   * every absent member's share and every force-majeure reduction falls to the host.
   */
  COST_REMAINDER_TO_HOST: define(
    "COST_REMAINDER_TO_HOST",
    "Charter Art. 15(2)(ii)",
    "the host pays what rounding leaves over, absent members' shares and force-majeure reductions",
  ),
  /**
   * Art. 7(1): the chair is the head of the government hosting the General Assembly
   * and serves "until the last day of the General Assembly". Read with the list of
   * chairs (Sakha 2018-11 to 2021-08): from the end of the previous assembly until the
   * last day of the assembly its government hosts.
   */
  CHAIR_UNTIL_HOSTED_ASSEMBLY: define(
    "CHAIR_UNTIL_HOSTED_ASSEMBLY",
    "Charter Art. 7(1)",
    "the chair is the head of the government hosting the next General Assembly, until that assembly's last day",
  ),
  /**
   * Committee Reg. Art. 5(2), 5(4): a coordinator's spell runs in consecutive 2-year
   * terms from its start; each term needs a meeting or event. Art. 5(7): 2 years or
   * more without one makes the coordinator replaceable. Without activity records for
   * the period, the hub cannot tell and says so.
   */
  COORDINATOR_TERMS_FROM_START: define(
    "COORDINATOR_TERMS_FROM_START",
    "Committee Reg. Art. 5(2), 5(4), 5(7)",
    "terms are consecutive 2-year spans from the first day of coordination",
  ),
} as const;
