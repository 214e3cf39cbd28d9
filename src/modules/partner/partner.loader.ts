import { loaderById, oneByColumn } from "../../core/loaders";
import { PartnerOrganisation } from "./partner-organisation.entity";

export const partnerById = loaderById(PartnerOrganisation);

export const partnerBySlug = oneByColumn(PartnerOrganisation, "slug");
