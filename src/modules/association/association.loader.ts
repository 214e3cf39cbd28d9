import type DataLoader from "dataloader";
import { createLoader } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { Association } from "./association.entity";

/** The association's single row, read at most once per request whoever asks. */
export function associationRecord({ em }: LoaderScope): DataLoader<1, Association> {
  return createLoader(async (keys) => {
    const row = await em.getRepository(Association).findOneByOrFail({ id: 1 });
    return keys.map(() => row);
  });
}
