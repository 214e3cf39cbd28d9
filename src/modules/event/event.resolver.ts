import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { LanguageTagScalar, LocalizedName, namesEnZh, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import type { ConnectionValue } from "../../core/pagination";
import { EventFigure } from "./event-figure.entity";
import { Event } from "./event.entity";
import { figuresByEvent } from "./event.loader";
import { EventsArgs } from "./event.args";
import { listEvents } from "./event.service";
import { EventConnection } from "./event.types";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: "Dated events, from the 1996 founding to the facts horizon." })
  events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionValue<Event>> {
    return listEvents(ctx, args);
  }

  @FieldResolver(() => LocalizedName)
  title(
    @Root() event: Event,
    @Arg("lang", () => LanguageTagScalar, { nullable: true }) lang: Lang | null,
    @Ctx() ctx: RequestContext,
  ): LocalizedName | null {
    return pickName(namesEnZh(event.titleEn, event.titleZh), lang ?? ctx.preferredLang);
  }

  @FieldResolver(() => [EventFigure], { description: "The figures its record states (`participants` keeps the words)." })
  figures(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<EventFigure[]> {
    return ctx.loaders.get(figuresByEvent).load(event.id);
  }
}
