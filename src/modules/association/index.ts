import { AboutResolver } from "./association.resolver";

export { Association } from "./association.entity";
export { associationRecord } from "./association.loader";
export const associationResolvers = [AboutResolver] as const;
