import { AssociationChairResolver, ChairResolver } from "./chair.resolver";

/** Who chairs the association on a day (Charter Art. 6, 7(1)). */
export { chairChangeDaysOf, chairOf } from "./chair.service";

export const chairResolvers = [AssociationChairResolver, ChairResolver] as const;
