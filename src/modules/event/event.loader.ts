import type DataLoader from "dataloader";
import { keyedReader } from "../../core/reads/keyed-rows";
import { createLoader, manyByColumn, oneByKey } from "../../core/loaders";
import { seesPrivate } from "../../core/viewer";
import type { LoaderScope } from "../../core/loaders";
import { EventFigure } from "./event-figure.entity";
import { Event } from "./event.entity";

const publishedById = keyedReader(Event, "id", { where: { draft: false } });
const anyById = keyedReader(Event, "id");

/** Events by id; a draft only for a viewer who may see drafts (to anyone else it does not exist). */
export function eventById({ em, viewer }: LoaderScope): DataLoader<number, Event | null> {
  const read = seesPrivate(viewer) ? anyById : publishedById;
  return createLoader(async (ids) => oneByKey(ids, await read(em, ids), (row) => row.id));
}

/** Each event's stated figures: the whole first, then its countries' parts. */
export const figuresByEvent = manyByColumn(EventFigure, "eventId", {
  order: [
    ["measure", "ASC"],
    ["countryCode", "ASC", "NULLS FIRST"],
  ],
});

/**
 * Each committee's published events (its NEAR events count as activity, Committee
 * Reg. Art. 5(4)), earliest first. Drafts are not facts yet: no one's activity counts them.
 */
export const eventsByCommittee = manyByColumn(Event, "committeeId", {
  where: { draft: false },
  order: [
    ["startsOn", "ASC"],
    ["id", "ASC"],
  ],
});
