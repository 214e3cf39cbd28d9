import { CommitteeCoordinationResolver, CoordinatorCurrentTermResolver } from "./coordination.resolver";

/** Specialised committees' coordinators: terms, activity, replaceability (Committee Reg. Art. 5). */
export const coordinationResolvers = [CommitteeCoordinationResolver, CoordinatorCurrentTermResolver] as const;
