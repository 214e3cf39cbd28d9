import { CommitteeCoordinationResolver, CoordinatorCurrentTermResolver } from "./coordination.resolver";

/** Specialised committees' coordinators: terms, activity, replaceability (Committee Reg. Art. 5). */
export { coordinationChangeDaysOf, coordinationOf } from "./coordination.service";

export const coordinationResolvers = [CommitteeCoordinationResolver, CoordinatorCurrentTermResolver] as const;
