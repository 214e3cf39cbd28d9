import { defineNodeType } from "../../core/node-registry";
import type { Country } from "./country.entity";
import { countryByCode } from "./country.loader";
import { CountryResolver } from "./country.resolver";

export { Country, Region } from "./country.entity";
export { countryByCode } from "./country.loader";
export { knownCountries, readCountryCodes } from "./country.service";

export const countryResolvers = [CountryResolver] as const;
export const countryNodeTypes = [
  defineNodeType<Country, string>({
    typename: "Country",
    keyOf: (row) => row.code,
    parseKey: (key) => (/^[A-Z]{2}$/.test(key) ? key : null),
    loader: countryByCode,
  }),
];
