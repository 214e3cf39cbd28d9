import { byStart } from "../../core/reads/keyed-rows";
import { loaderById, manyByColumn, oneByColumn } from "../../core/loaders";
import { Committee } from "./committee.entity";
import { CommitteeParticipation } from "./committee-participation.entity";
import { CoordinatorTerm } from "./coordinator-term.entity";

export const committeeById = loaderById(Committee);

export const committeeBySlug = oneByColumn(Committee, "slug");

/** A specialised committee by its number (Committee Regulation): the key other subgraphs join it on. */
export const committeeByNumber = oneByColumn(Committee, "number");

export const coordinatorTermById = loaderById(CoordinatorTerm);

/** Every coordinator term of each committee, in order of start (unknown starts first), then id. */
export const coordinatorTermsByCommittee = manyByColumn(CoordinatorTerm, "committeeId", { order: byStart() });

export const coordinatorTermsByGovernment = manyByColumn(CoordinatorTerm, "governmentId", { order: byStart() });

export const participationById = loaderById(CommitteeParticipation);

export const participationsByCommittee = manyByColumn(CommitteeParticipation, "committeeId", { order: [["id", "ASC"]] });

export const participationsByGovernment = manyByColumn(CommitteeParticipation, "governmentId", { order: [["id", "ASC"]] });

/** The body of each kind (General Assembly, Working Committee…); the first by id when a kind has several. */
export const committeeByKind = oneByColumn(Committee, "kind", { order: [["id", "ASC"]] });
