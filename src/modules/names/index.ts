import { CountryNamesResolver, GovernmentNamesResolver, NamesMutationResolver } from "./names.resolver";

export { AlternativeName } from "./alternative-name.entity";

export const namesResolvers = [GovernmentNamesResolver, CountryNamesResolver, NamesMutationResolver] as const;
