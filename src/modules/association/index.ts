import { AboutResolver } from "./association.resolver";

export { Association } from "./association.entity";
export { loadAssociation } from "./association.resolver";
export const associationResolvers = [AboutResolver] as const;
