import type { UnitOfWork } from "../../core/context";
import { dateRange, nonEmptyList, searchText } from "../../core/filters";
import { likePattern, paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { seesPrivate } from "../../core/viewer";
import { Event } from "./event.entity";
import { EventOrder } from "./event.args";
import type { EventsArgs } from "./event.args";
import { wholeRows } from "../../core/reads/lean-many";

const keys = [
  { sql: "e.starts_on", value: (e: Event) => e.startsOn },
  { sql: `e.title_en COLLATE "C"`, value: (e: Event) => e.titleEn },
];
const ORDERINGS: Record<EventOrder, Ordering<Event>> = {
  [EventOrder.DATE_ASC]: { name: "DATE", descending: false, keys },
  [EventOrder.DATE_DESC]: { name: "DATE", descending: true, keys },
};

/** The events; drafts only for a viewer who may see them, so no count, cursor or filter reveals one. */
export function listEvents({ em, viewer }: UnitOfWork, args: EventsArgs): Promise<ConnectionValue<Event>> {
  const filter = args.filter ?? {};
  const query = em.getRepository(Event).createQueryBuilder("e");
  if (!seesPrivate(viewer)) query.andWhere("e.draft = false");
  const kinds = nonEmptyList(filter.kinds, "filter.kinds");
  if (kinds) query.andWhere("e.kind IN (:...kinds)", { kinds });
  dateRange(filter.from, filter.to, "filter");
  // Overlap, not containment: a multi-day event touching the range is in it.
  if (filter.from) query.andWhere("COALESCE(e.ends_on, e.starts_on) >= :from", { from: filter.from });
  if (filter.to) query.andWhere("e.starts_on <= :to", { to: filter.to });
  const text = searchText(filter.search, "filter.search");
  if (text !== null) query.andWhere("(e.title_en ILIKE :pattern OR e.title_zh ILIKE :pattern)", { pattern: likePattern(text) });
  return paginate(em, query, ORDERINGS[args.orderBy], args, wholeRows(em, Event, "e"));
}
