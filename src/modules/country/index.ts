import { defineEntityKey } from "../../core/entity-registry";
import type { EntityType } from "../../core/entity-registry";
import { defineNodeType } from "../../core/node-registry";
import { Country } from "./country.entity";
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
/** Other subgraphs join a country by its ISO 3166-1 code (docs/federation.md). */
export const countryEntityTypes: EntityType[] = [
  {
    typename: "Country",
    type: Country,
    keys: [
      defineEntityKey({
        field: "code",
        parse: (value) => (typeof value === "string" && /^[A-Z]{2}$/.test(value) ? value : null),
        loader: countryByCode,
      }),
    ],
  },
];
