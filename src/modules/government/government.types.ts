import { connectionType } from "../../core/pagination";
import { Government } from "./government.entity";

export const GovernmentConnection = connectionType(Government, "Government");
