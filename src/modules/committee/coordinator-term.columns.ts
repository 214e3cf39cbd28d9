import type { ColumnPlan } from "../../core/reads/column-plan";
import type { CoordinatorTerm } from "./coordinator-term.entity";

/**
 * What a read of coordinator terms needs for the fields selected on them: plain
 * columns by name, and the keys the `committee` and `government` fields load by. A
 * government's read that brings its terms brings only these (`childRows`).
 */
export const COORDINATOR_TERM_COLUMNS: ColumnPlan<CoordinatorTerm> = {
  always: [],
  resolvers: { committee: ["committeeId"], government: ["governmentId"] },
  children: {},
  nested: {},
};
