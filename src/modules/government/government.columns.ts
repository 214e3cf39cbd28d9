import { nameColumns } from "../../core/entity-columns";
import { childRows } from "../../core/reads/column-plan";
import type { ColumnPlan } from "../../core/reads/column-plan";
import { MEMBERSHIP_COLUMNS, MEMBERSHIP_PERIOD_COLUMNS, Membership, membershipsByGovernment } from "../membership";
import type { Government } from "./government.entity";

/**
 * What a read of governments needs for the fields `GovernmentResolver` answers: a
 * query that selects only these (and plain columns) reads only their columns; any
 * other field makes it read whole rows, unless its module declares what it reads
 * (`declareColumns`, as the rights module does for its fields). The child lists
 * `memberships` and `membership` read can come with the governments, with the columns
 * their selections need (`declareChildren`).
 */
export const GOVERNMENT_COLUMNS: ColumnPlan<Government> = {
  // The keys governments are read by (the primary key is always read); a page adds its ordering's keys (`listGovernments`).
  always: ["slug", "countryCode"],
  resolvers: { name: nameColumns, country: [], memberships: [], membership: [] },
  children: {
    memberships: [childRows(membershipsByGovernment, Membership, MEMBERSHIP_COLUMNS)],
    // `membershipStandingOn` picks the period by its dates, their precisions and attestation.
    membership: [childRows(membershipsByGovernment, Membership, MEMBERSHIP_COLUMNS, MEMBERSHIP_PERIOD_COLUMNS)],
  },
  nested: {},
};
