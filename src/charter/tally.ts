/** How a government voted on an item. */
export const VOTE_CHOICES = ["FOR", "AGAINST", "ABSTAIN"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** PER_GOVERNMENT: counted from attendance and votes; RECORDED_COUNTS: the sources give only the counts. */
export const TALLY_SOURCES = ["PER_GOVERNMENT", "RECORDED_COUNTS"] as const;
export type TallySource = (typeof TALLY_SOURCES)[number];

export interface Tally {
  /** Governments with voting rights on the meeting day. */
  votingMembers: number;
  /** Of them, present (or replying). */
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  source: TallySource;
}

/**
 * Counts attendance and votes government by government: only governments with
 * voting rights on the day count, present or voting (Charter Art. 9(1)-(2)).
 */
export function countTally<G>(
  voting: ReadonlySet<G>,
  present: readonly G[],
  votes: readonly { government: G; choice: VoteChoice }[],
): Tally {
  const counted = votes.filter((vote) => voting.has(vote.government));
  const count = (choice: VoteChoice) => counted.filter((vote) => vote.choice === choice).length;
  return {
    votingMembers: voting.size,
    present: present.filter((government) => voting.has(government)).length,
    votesFor: count("FOR"),
    votesAgainst: count("AGAINST"),
    abstentions: count("ABSTAIN"),
    source: "PER_GOVERNMENT",
  };
}

/** A tally from counts the sources give (no government-by-government record). */
export function recordedTally(
  votingMembers: number,
  counts: { present: number; votesFor: number | null; votesAgainst: number | null; abstentions: number | null },
): Tally {
  return {
    votingMembers,
    present: counts.present,
    votesFor: counts.votesFor ?? 0,
    votesAgainst: counts.votesAgainst ?? 0,
    abstentions: counts.abstentions ?? 0,
    source: "RECORDED_COUNTS",
  };
}
