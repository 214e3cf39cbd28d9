import { AboutResolver, AssociationResolver } from "./association.resolver";

export { Association } from "./association.entity";
export { associationRecord } from "./association.loader";
export { associationOf, reasonsOn } from "./association.service";
export { AssociationType } from "./association.types";

export const associationResolvers = [AboutResolver, AssociationResolver] as const;
