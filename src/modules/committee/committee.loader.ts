import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, loaderById, manyByKey, oneByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import type { CommitteeKind } from "./committee.entity";
import { Committee } from "./committee.entity";
import { CommitteeParticipation } from "./committee-participation.entity";
import { CoordinatorTerm } from "./coordinator-term.entity";

export const committeeById = loaderById(Committee);

export function committeeBySlug({ em }: LoaderScope): DataLoader<string, Committee | null> {
  return createLoader(async (slugs) =>
    oneByKey(slugs, await em.getRepository(Committee).findBy({ slug: Any([...slugs]) }), (row) => row.slug),
  );
}

export const coordinatorTermById = loaderById(CoordinatorTerm);

/** Every coordinator term of each committee, in order of start (unknown starts first), then id. */
export function coordinatorTermsByCommittee({ em }: LoaderScope): DataLoader<number, CoordinatorTerm[]> {
  return createLoader(async (committeeIds) => {
    const rows = await em.getRepository(CoordinatorTerm).find({
      where: { committeeId: Any([...committeeIds]) },
      order: { startedOn: { direction: "ASC", nulls: "FIRST" }, id: "ASC" },
    });
    return manyByKey(committeeIds, rows, (row) => row.committeeId);
  });
}

export function coordinatorTermsByGovernment({ em }: LoaderScope): DataLoader<number, CoordinatorTerm[]> {
  return createLoader(async (governmentIds) => {
    const rows = await em.getRepository(CoordinatorTerm).find({
      where: { governmentId: Any([...governmentIds]) },
      order: { startedOn: { direction: "ASC", nulls: "FIRST" }, id: "ASC" },
    });
    return manyByKey(governmentIds, rows, (row) => row.governmentId);
  });
}

export const participationById = loaderById(CommitteeParticipation);

export function participationsByCommittee({ em }: LoaderScope): DataLoader<number, CommitteeParticipation[]> {
  return createLoader(async (committeeIds) => {
    const rows = await em.getRepository(CommitteeParticipation).find({
      where: { committeeId: Any([...committeeIds]) },
      order: { id: "ASC" },
    });
    return manyByKey(committeeIds, rows, (row) => row.committeeId);
  });
}

export function participationsByGovernment({ em }: LoaderScope): DataLoader<number, CommitteeParticipation[]> {
  return createLoader(async (governmentIds) => {
    const rows = await em.getRepository(CommitteeParticipation).find({
      where: { governmentId: Any([...governmentIds]) },
      order: { id: "ASC" },
    });
    return manyByKey(governmentIds, rows, (row) => row.governmentId);
  });
}

/** The body of each kind (General Assembly, Working Committee…); the first by id when a kind has several. */
export function committeeByKind({ em }: LoaderScope): DataLoader<CommitteeKind, Committee | null> {
  return createLoader(async (kinds) => {
    const rows = await em.getRepository(Committee).find({ where: { kind: Any([...kinds]) }, order: { id: "ASC" } });
    return kinds.map((kind) => rows.find((row) => row.kind === kind) ?? null);
  });
}
