import { oneByColumn } from "../../core/loaders";
import { Country } from "./country.entity";

export const countryByCode = oneByColumn(Country, "code");
