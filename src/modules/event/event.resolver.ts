import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { LanguageTagScalar, LocalizedName, namesEnZh, pickName } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import { connectionType } from "../../core/pagination";
import type { ConnectionValue } from "../../core/pagination";
import { Event } from "./event.entity";
import { EventsArgs } from "./event.args";
import { listEvents } from "./event.service";

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
    return pickName(namesEnZh(event.titleEn, event.titleZh), lang ?? ctx.preferredLang);
  }
}
