import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, manyByKey, oneByKey } from "../../core/loaders";
import { seesPrivate } from "../../core/viewer";
import type { LoaderScope } from "../../core/loaders";
import { EventFigure } from "./event-figure.entity";
import { Event } from "./event.entity";

/** Events by id; a draft only for a viewer who may see drafts (to anyone else it does not exist). */
export function eventById({ em, viewer }: LoaderScope): DataLoader<number, Event | null> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Event).findBy({ id: Any([...ids]), ...(seesPrivate(viewer) ? {} : { draft: false }) });
    return oneByKey(ids, rows, (row) => row.id);
  });
}

/** Each event's stated figures: the whole first, then its countries' parts. */
export function figuresByEvent({ em }: LoaderScope): DataLoader<number, EventFigure[]> {
  return createLoader(async (ids) => {
    const rows = await em
      .getRepository(EventFigure)
      .find({ where: { eventId: Any([...ids]) }, order: { measure: "ASC", countryCode: { direction: "ASC", nulls: "FIRST" } } });
    return manyByKey(ids, rows, (row) => row.eventId);
  });
}

/**
 * Each committee's published events (its NEAR events count as activity, Committee
 * Reg. Art. 5(4)), earliest first. Drafts are not facts yet: no one's activity counts them.
 */
export function eventsByCommittee({ em }: LoaderScope): DataLoader<number, Event[]> {
  return createLoader(async (ids) => {
    const rows = await em
      .getRepository(Event)
      .find({ where: { committeeId: Any([...ids]), draft: false }, order: { startsOn: "ASC", id: "ASC" } });
    return manyByKey(ids, rows, (row) => row.committeeId!);
  });
}
