import type { EntityManager } from "typeorm";
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { dateRange, nonEmptyList, searchText } from "../../core/filters";
import { LanguageTagScalar, LocalizedName, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import { loaderById } from "../../core/loaders";
import { connectionType, likePattern, paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { Event } from "./event.entity";
import { EventOrder, EventsArgs } from "./event.args";

export const eventById = loaderById(Event);

const keys = [
  { sql: "e.starts_on", value: (e: Event) => e.startsOn },
  { sql: `e.title_en COLLATE "C"`, value: (e: Event) => e.titleEn },
];
const ORDERINGS: Record<EventOrder, Ordering<Event>> = {
  [EventOrder.DATE_ASC]: { name: "DATE", descending: false, keys },
  [EventOrder.DATE_DESC]: { name: "DATE", descending: true, keys },
};

function listEvents(em: EntityManager, args: EventsArgs): Promise<ConnectionValue<Event>> {
  const filter = args.filter ?? {};
  const query = em.getRepository(Event).createQueryBuilder("e");
  const kinds = nonEmptyList(filter.kinds, "filter.kinds");
  if (kinds) query.andWhere("e.kind IN (:...kinds)", { kinds });
  dateRange(filter.from, filter.to, "filter");
  // Overlap, not containment: a multi-day event touching the range is in it.
  if (filter.from) query.andWhere("COALESCE(e.ends_on, e.starts_on) >= :from", { from: filter.from });
  if (filter.to) query.andWhere("e.starts_on <= :to", { to: filter.to });
  const text = searchText(filter.search, "filter.search");
  if (text !== null) query.andWhere("(e.title_en ILIKE :pattern OR e.title_zh ILIKE :pattern)", { pattern: likePattern(text) });
  return paginate(query, ORDERINGS[args.orderBy], args);
}

export const EventConnection = connectionType(Event, "Event");

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: "Dated events, from the 1996 founding to the facts horizon." })
  events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Event>> {
    return listEvents(ctx.em, args);
  }

  @FieldResolver(() => LocalizedName)
  title(
    @Root() event: Event,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName({ en: event.titleEn, zh: event.titleZh, ko: null, ja: null, ru: null, mn: null }, lang ?? ctx.preferredLang);
  }
}
