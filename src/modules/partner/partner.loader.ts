import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, loaderById, oneByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { PartnerOrganisation } from "./partner-organisation.entity";

export const partnerById = loaderById(PartnerOrganisation);

export function partnerBySlug({ em }: LoaderScope): DataLoader<string, PartnerOrganisation | null> {
  return createLoader(async (slugs) =>
    oneByKey(slugs, await em.getRepository(PartnerOrganisation).findBy({ slug: Any([...slugs]) }), (row) => row.slug),
  );
}
