import type DataLoader from "dataloader";
import { keyedReader } from "../../core/lean-rows";
import type { KeyedRead } from "../../core/lean-rows";
import { createLoader, loaderById, manyByColumn, oneByColumn } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import type { CommitteeKind } from "./committee.entity";
import { Committee } from "./committee.entity";
import { CommitteeParticipation } from "./committee-participation.entity";
import { CoordinatorTerm } from "./coordinator-term.entity";

export const committeeById = loaderById(Committee);

export const committeeBySlug = oneByColumn(Committee, "slug");

export const coordinatorTermById = loaderById(CoordinatorTerm);

/** In order of start (unknown starts first), then id. */
const BY_START: KeyedRead<CoordinatorTerm>["order"] = [
  ["startedOn", "ASC", "NULLS FIRST"],
  ["id", "ASC"],
];

/** Every coordinator term of each committee, in order of start (unknown starts first), then id. */
export const coordinatorTermsByCommittee = manyByColumn(CoordinatorTerm, "committeeId", { order: BY_START });

export const coordinatorTermsByGovernment = manyByColumn(CoordinatorTerm, "governmentId", { order: BY_START });

export const participationById = loaderById(CommitteeParticipation);

export const participationsByCommittee = manyByColumn(CommitteeParticipation, "committeeId", { order: [["id", "ASC"]] });

export const participationsByGovernment = manyByColumn(CommitteeParticipation, "governmentId", { order: [["id", "ASC"]] });

const readByKind = keyedReader(Committee, "kind", { order: [["id", "ASC"]] });

/** The body of each kind (General Assembly, Working Committee…); the first by id when a kind has several. */
export function committeeByKind({ em }: LoaderScope): DataLoader<CommitteeKind, Committee | null> {
  return createLoader(async (kinds) => {
    const rows = await readByKind(em, kinds);
    return kinds.map((kind) => rows.find((row) => row.kind === kind) ?? null);
  });
}
