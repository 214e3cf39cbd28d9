import type DataLoader from "dataloader";
import { In } from "typeorm";
import { createLoader, loaderById, manyByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { Event } from "./event.entity";

export const eventById = loaderById(Event);

/** Each committee's events (its NEAR events count as activity, Committee Reg. Art. 5(4)), earliest first. */
export function eventsByCommittee({ em }: LoaderScope): DataLoader<number, Event[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Event).find({ where: { committeeId: In([...ids]) }, order: { startsOn: "ASC", id: "ASC" } });
    return manyByKey(ids, rows, (row) => row.committeeId!);
  });
}
