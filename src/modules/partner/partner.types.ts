import { connectionType } from "../../core/pagination";
import { PartnerOrganisation } from "./partner-organisation.entity";

export const PartnerConnection = connectionType(PartnerOrganisation, "PartnerOrganisation");
