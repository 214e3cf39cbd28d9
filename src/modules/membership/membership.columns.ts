import type { ColumnPlan } from "../../core/reads/column-plan";
import type { Membership } from "./membership.entity";

/**
 * What a read of membership periods needs for the fields selected on them: plain
 * columns by name; `government` is declared by the module that resolves it. A parent's
 * read that brings a government's periods brings only these (`childRows`).
 */
export const MEMBERSHIP_COLUMNS: ColumnPlan<Membership> = {
  always: [],
  // `startWindow` reads the start, its precision and attestation; `certainty` is set on the row `membership(asOf:)` answers.
  resolvers: { startWindow: ["startedOn", "startPrecision", "attestedOn"], certainty: [] },
  children: {},
  nested: {},
};
