import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, oneByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { Country } from "./country.entity";

export function countryByCode({ em }: LoaderScope): DataLoader<string, Country | null> {
  return createLoader(async (codes) => {
    const rows = await em.getRepository(Country).findBy({ code: Any([...codes]) });
    return oneByKey(codes, rows, (row) => row.code);
  });
}
