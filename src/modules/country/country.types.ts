import { connectionType } from "../../core/pagination";
import { Country } from "./country.entity";

export const CountryConnection = connectionType(Country, "Country");
