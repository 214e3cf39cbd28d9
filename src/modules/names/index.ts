import { CountryNamesResolver, GovernmentNamesResolver, NamesMutationResolver } from "./names.resolver";

export { AlternativeName, NAMED_TYPES } from "./alternative-name.entity";

export const namesResolvers = [GovernmentNamesResolver, CountryNamesResolver, NamesMutationResolver] as const;
