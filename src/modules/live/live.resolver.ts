import { Arg, Ctx, Resolver, Root, Subscription } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { NotFoundError } from "../../core/errors";
import { countryCodes, nonEmptyList } from "../../core/filters";
import { LIVE_EVENT_KINDS, passesFilter } from "../../core/live-event";
import type { LiveEvent, LiveEventKind, LiveFeed, LiveFilter } from "../../core/live-event";
import { integerKeyOf } from "../../core/node";
import { committeeBySlug } from "../committee";
import { knownCountries } from "../country";
import { governmentById } from "../government";
import { meetingById } from "../meeting";
import { appointmentById } from "../secretariat";
import {
  AppointmentChanged,
  DuesStandingChanged,
  FactsHorizonMoved,
  GovernmentEventFilter,
  LiveEventKindType,
  LiveEventType,
  MeetingEventFilter,
  MeetingRecorded,
  MembershipChanged,
} from "./live.types";

/** A subscription's context: a request's, and the feed of committed changes its transport gives it. */
export interface LiveContext extends RequestContext {
  readonly live: LiveFeed;
}

interface SubscribeData<Args> {
  args: Args;
  context: LiveContext;
}

/** The events of `kinds` that pass `accepts`, in the order they were committed. */
async function* passing(
  feed: LiveFeed,
  kinds: readonly LiveEventKind[],
  accepts: (event: LiveEvent) => Promise<boolean>,
): AsyncGenerator<LiveEvent> {
  for await (const event of feed.events(kinds)) if (await accepts(event)) yield event;
}

/**
 * The events of `kind` about the governments and countries a filter names. The filter
 * is checked when the client subscribes: an unknown country or government is refused
 * then, with a coded error, not silently matched by nothing.
 */
async function governmentEvents(
  { args, context }: SubscribeData<{ filter?: GovernmentEventFilter | null }>,
  kind: LiveEventKind,
): Promise<AsyncIterable<LiveEvent>> {
  const countries = await knownCountries(context.em, countryCodes(args.filter?.countries, "filter.countries"), "filter.countries");
  const ids = nonEmptyList(args.filter?.governments, "filter.governments")?.map((id) =>
    integerKeyOf(id, "Government", "filter.governments"),
  );
  if (ids) {
    const found = await context.loaders.get(governmentById).loadMany(ids);
    const missing = ids.find((_, index) => !found[index] || found[index] instanceof Error);
    if (missing !== undefined)
      throw new NotFoundError(`filter.governments: no government ${args.filter!.governments![ids.indexOf(missing)]}`, "filter.governments");
  }
  const filter: LiveFilter = { countries: countries ?? null, governmentIds: ids ?? null, committeeIds: null };
  return passing(context.live, [kind], (event) =>
    passesFilter(filter, event, async (id) => (await context.loaders.get(governmentById).load(id))?.countryCode),
  );
}

async function meetingEvents({ args, context }: SubscribeData<{ filter?: MeetingEventFilter | null }>): Promise<AsyncIterable<LiveEvent>> {
  const slugs = nonEmptyList(args.filter?.committees, "filter.committees");
  let committeeIds: number[] | null = null;
  if (slugs) {
    const found = await context.loaders.get(committeeBySlug).loadMany([...slugs]);
    const missing = slugs.find((_, index) => !found[index] || found[index] instanceof Error);
    if (missing !== undefined) throw new NotFoundError(`filter.committees: no committee "${missing}"`, "filter.committees");
    committeeIds = found.map((committee) => (committee as { id: number }).id);
  }
  const filter: LiveFilter = { countries: null, governmentIds: null, committeeIds };
  return passing(context.live, ["meetingRecorded"], (event) => passesFilter(filter, event, () => undefined));
}

function base<T extends LiveEventType>(type: new () => T, event: LiveEvent): T {
  return Object.assign(new type(), { eventId: event.id, operation: event.operation, recordedAt: new Date(event.recordedAt) });
}

async function required<T>(row: T | null | undefined, what: string): Promise<T> {
  if (row === null || row === undefined) throw new NotFoundError(`The ${what} this event is about is no longer in the records`);
  return row;
}

/** The payload of `event`, resolved for the subscriber: the row it is about, loaded as a query loads it. */
async function payloadOf(event: LiveEvent, ctx: LiveContext): Promise<LiveEventType> {
  switch (event.kind) {
    case "membershipChanged":
    case "duesStandingChanged": {
      const government = await required(await ctx.loaders.get(governmentById).load(event.governmentId!), "government");
      return Object.assign(base(event.kind === "membershipChanged" ? MembershipChanged : DuesStandingChanged, event), { government });
    }
    case "meetingRecorded": {
      const meeting = await required(await ctx.loaders.get(meetingById).load(event.meetingId!), "meeting");
      return Object.assign(base(MeetingRecorded, event), { meeting });
    }
    case "appointmentChanged": {
      const appointment = await required(await ctx.loaders.get(appointmentById).load(event.appointmentId!), "appointment");
      return Object.assign(base(AppointmentChanged, event), { appointment });
    }
    case "factsHorizonMoved":
      return Object.assign(base(FactsHorizonMoved, event), { factsCompleteUntil: event.factsCompleteUntil! });
  }
}

/**
 * Subscriptions over WebSocket (graphql-ws) and Server-Sent Events (graphql-sse): each
 * announces a change once its write commits, resolved for the subscriber as a query
 * would be, private fields included only for a key that may read them.
 */
@Resolver()
export class LiveSubscriptions {
  @Subscription(() => MembershipChanged, {
    subscribe: (data: SubscribeData<{ filter?: GovernmentEventFilter | null }>) => governmentEvents(data, "membershipChanged"),
    description: "A government admitted, its membership kind changed, or ended.",
  })
  async membershipChanged(
    @Root() event: LiveEvent,
    @Ctx() ctx: LiveContext,
    @Arg("filter", () => GovernmentEventFilter, { nullable: true }) _filter?: GovernmentEventFilter | null,
  ): Promise<MembershipChanged> {
    return payloadOf(event, ctx) as Promise<MembershipChanged>;
  }

  @Subscription(() => DuesStandingChanged, {
    subscribe: (data: SubscribeData<{ filter?: GovernmentEventFilter | null }>) => governmentEvents(data, "duesStandingChanged"),
    description: "What decides a member's dues standing changed: a payment, a waiver, a ledger entry or its membership.",
  })
  async duesStandingChanged(
    @Root() event: LiveEvent,
    @Ctx() ctx: LiveContext,
    @Arg("filter", () => GovernmentEventFilter, { nullable: true }) _filter?: GovernmentEventFilter | null,
  ): Promise<DuesStandingChanged> {
    return payloadOf(event, ctx) as Promise<DuesStandingChanged>;
  }

  @Subscription(() => MeetingRecorded, {
    subscribe: (data: SubscribeData<{ filter?: MeetingEventFilter | null }>) => meetingEvents(data),
    description: "A meeting recorded, or its attendance, votes or decisions.",
  })
  async meetingRecorded(
    @Root() event: LiveEvent,
    @Ctx() ctx: LiveContext,
    @Arg("filter", () => MeetingEventFilter, { nullable: true }) _filter?: MeetingEventFilter | null,
  ): Promise<MeetingRecorded> {
    return payloadOf(event, ctx) as Promise<MeetingRecorded>;
  }

  @Subscription(() => AppointmentChanged, {
    subscribe: (data: SubscribeData<{ filter?: GovernmentEventFilter | null }>) => governmentEvents(data, "appointmentChanged"),
    description: "A secretariat appointment made or ended; a filter matches the government that dispatched the official.",
  })
  async appointmentChanged(
    @Root() event: LiveEvent,
    @Ctx() ctx: LiveContext,
    @Arg("filter", () => GovernmentEventFilter, { nullable: true }) _filter?: GovernmentEventFilter | null,
  ): Promise<AppointmentChanged> {
    return payloadOf(event, ctx) as Promise<AppointmentChanged>;
  }

  @Subscription(() => FactsHorizonMoved, {
    subscribe: ({ context }: SubscribeData<object>) => passing(context.live, ["factsHorizonMoved"], async () => true),
    description: "The records are now complete to a later day (`about.factsCompleteUntil`).",
  })
  factsHorizonMoved(@Root() event: LiveEvent, @Ctx() ctx: LiveContext): Promise<FactsHorizonMoved> {
    return payloadOf(event, ctx) as Promise<FactsHorizonMoved>;
  }

  @Subscription(() => LiveEventType, {
    subscribe: ({ context, args }: SubscribeData<{ kinds?: LiveEventKindType[] | null }>) =>
      passing(context.live, nonEmptyList(args.kinds, "kinds") ?? LIVE_EVENT_KINDS, async () => true),
    description: "Every committed change of the kinds asked (all when left out), as one stream: what a dashboard refreshes on.",
  })
  changes(
    @Root() event: LiveEvent,
    @Ctx() ctx: LiveContext,
    @Arg("kinds", () => [LiveEventKindType], { nullable: true }) _kinds?: LiveEventKindType[] | null,
  ): Promise<LiveEventType> {
    return payloadOf(event, ctx);
  }
}
