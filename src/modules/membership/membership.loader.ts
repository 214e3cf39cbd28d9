import type DataLoader from "dataloader";
import { In } from "typeorm";
import { createLoader, loaderById, manyByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { Membership } from "./membership.entity";

/** Every membership period of each government, oldest first. */
export function membershipsByGovernment({ em }: LoaderScope): DataLoader<number, Membership[]> {
  return createLoader(async (governmentIds) => {
    const rows = await em.getRepository(Membership).find({
      where: { governmentId: In([...governmentIds]) },
      order: { governmentId: "ASC", seq: "ASC" },
    });
    return manyByKey(governmentIds, rows, (row) => row.governmentId);
  });
}

export const membershipById = loaderById(Membership);
