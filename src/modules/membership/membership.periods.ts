import type { MembershipPeriod } from "../../charter";
import type { Membership } from "./membership.entity";

/** The columns `membershipPeriodOf` reads: what a lean read of memberships must bring for the charter's period rules. */
export const MEMBERSHIP_PERIOD_COLUMNS = ["kind", "startedOn", "startPrecision", "attestedOn", "endedOn", "endPrecision"] as const;

/** A membership row as the charter's rules read it: its kind and its period, precisions and attestation included. */
export function membershipPeriodOf(row: Pick<Membership, (typeof MEMBERSHIP_PERIOD_COLUMNS)[number]>): MembershipPeriod {
  return {
    kind: row.kind,
    startedOn: row.startedOn,
    startPrecision: row.startPrecision,
    attestedOn: row.attestedOn,
    endedOn: row.endedOn,
    endPrecision: row.endPrecision,
  };
}
