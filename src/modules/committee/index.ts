import { defineEntityKey, positiveIntegerKey, textKey } from "../../core/entity-registry";
import type { EntityType } from "../../core/entity-registry";
import { defineNodeType, integerKey } from "../../core/node-registry";
import { Committee } from "./committee.entity";
import type { CommitteeParticipation } from "./committee-participation.entity";
import type { CoordinatorTerm } from "./coordinator-term.entity";
import { committeeById, committeeByNumber, committeeBySlug, coordinatorTermById, participationById } from "./committee.loader";
import { CommitteeMutations, EventCommitteeResolver } from "./committee.mutations";
import {
  CommitteeParticipationResolver,
  CommitteeResolver,
  CoordinatorTermResolver,
  GovernmentCommitteesResolver,
} from "./committee.resolver";

export { COMMITTEE_LIFE_COLUMNS, Committee, CommitteeKind } from "./committee.entity";
export type { CommitteeWithLife } from "./committee.entity";
export { CoordinatorTerm } from "./coordinator-term.entity";
export { CommitteeParticipation } from "./committee-participation.entity";
export {
  committeeById,
  committeeByKind,
  committeeBySlug,
  coordinatorTermsByCommittee,
} from "./committee.loader";

export const committeeResolvers = [
  CommitteeResolver,
  CoordinatorTermResolver,
  CommitteeParticipationResolver,
  GovernmentCommitteesResolver,
  CommitteeMutations,
  EventCommitteeResolver,
] as const;
export const committeeNodeTypes = [
  defineNodeType<Committee, number>({ typename: "Committee", keyOf: (row) => row.id, parseKey: integerKey, loader: committeeById }),
  defineNodeType<CoordinatorTerm, number>({
    typename: "CoordinatorTerm",
    keyOf: (row) => row.id,
    parseKey: integerKey,
    loader: coordinatorTermById,
  }),
  defineNodeType<CommitteeParticipation, number>({
    typename: "CommitteeParticipation",
    keyOf: (row) => row.id,
    parseKey: integerKey,
    loader: participationById,
  }),
];
/** Other subgraphs join a specialised committee by its number, and any committee by its slug (docs/federation.md). */
export const committeeEntityTypes: EntityType[] = [
  {
    typename: "Committee",
    type: Committee,
    keys: [
      defineEntityKey({ field: "number", parse: positiveIntegerKey, loader: committeeByNumber }),
      defineEntityKey({ field: "slug", parse: textKey, loader: committeeBySlug }),
    ],
  },
];
