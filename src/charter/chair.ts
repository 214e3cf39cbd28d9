import { addDays } from "./calendar";
import type { Day } from "./calendar";
import { INTERPRETATIONS } from "./interpretations";
import { reason } from "./reasons";
import type { Reason } from "./reasons";

export interface AssemblySitting {
  number: number | null;
  host: string;
  startsOn: Day;
  /** Last day, held or planned. */
  endsOn: Day;
  /** The day a decision postponed it; from then on its date no longer holds. */
  postponedOn: Day | null;
}

export interface ChairExtension {
  government: string;
  from: Day;
  /** Null: until the next General Assembly that sits. */
  until: Day | null;
  decision: string;
}

export interface ChairVerdict {
  government: string | null;
  /** Last day of the term as it stands: the hosted assembly's last day, or the extension's. */
  until: Day | null;
  assemblyNumber: number | null;
  reasons: Reason[];
}

/**
 * Charter Art. 7(1): the chair on `day` is the head of the government hosting the
 * next (or current) General Assembly, until its last day. A recorded extension (as
 * decided for Sakha in 2020) takes precedence while it lasts.
 */
export function chairOn(sittings: readonly AssemblySitting[], extensions: readonly ChairExtension[], day: Day): ChairVerdict {
  // Sittings still on the calendar as of `day`, in order: a postponed one drops out from its postponement.
  const standing = [...sittings]
    .filter((s) => s.postponedOn === null || day < s.postponedOn)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  for (const extension of extensions) {
    // An open-ended extension lasts until the last day of the next assembly that sits.
    const until = extension.until ?? standing.find((s) => s.startsOn >= extension.from)?.endsOn ?? null;
    if (extension.from <= day && (until === null || day <= until)) {
      return {
        government: extension.government,
        until,
        assemblyNumber: null,
        reasons: [
          reason(
            "CHAIR_EXTENDED",
            "Charter Art. 7(1)",
            `${extension.government}'s chairmanship was extended from ${extension.from} ${until ? `until ${until}` : "until the next General Assembly sits"} (${extension.decision}).`,
          ),
        ],
      };
    }
  }
  const upcoming = standing.find((s) => s.endsOn >= day);
  if (!upcoming) {
    return {
      government: null,
      until: null,
      assemblyNumber: null,
      reasons: [
        reason(
          "NO_ASSEMBLY_RECORDED",
          "Charter Art. 7(1)",
          `No General Assembly is recorded on or after ${day}, so the hub cannot name the chair.`,
        ),
      ],
    };
  }
  return {
    government: upcoming.host,
    until: upcoming.endsOn,
    assemblyNumber: upcoming.number,
    reasons: [
      reason(
        "HOST_OF_ASSEMBLY",
        INTERPRETATIONS.CHAIR_UNTIL_HOSTED_ASSEMBLY.article,
        `${upcoming.host} hosts the ${upcoming.number === null ? "" : `${ordinal(upcoming.number)} `}General Assembly (${upcoming.startsOn} to ${upcoming.endsOn}): ${INTERPRETATIONS.CHAIR_UNTIL_HOSTED_ASSEMBLY.summary}.`,
      ),
    ],
  };
}

/**
 * The days on which `chairOn` can change: a postponement, a sitting's first day (the
 * reasons name it) and the day after its last (the next one's host takes over), an
 * extension's first day and the day after its last. Between two of them the chair is
 * the same.
 */
export function chairChangeDays(sittings: readonly AssemblySitting[], extensions: readonly ChairExtension[]): Day[] {
  return [
    ...sittings.flatMap((s) => [s.startsOn, addDays(s.endsOn, 1), ...(s.postponedOn === null ? [] : [s.postponedOn])]),
    ...extensions.flatMap((e) => (e.until === null ? [e.from] : [e.from, addDays(e.until, 1)])),
  ];
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
