import type { EntityManager } from "typeorm";
import type { Calendar } from "../charter";
import type { KnownOn, RequestContext } from "../core/context";
import { todayUtc } from "../core/dates";
import { negotiateLang } from "../core/i18n";
import { openKnownSession } from "../core/known-session";
import type { LiveEvent } from "../core/live-event";
import { LoaderRegistry } from "../core/loaders";
import { PUBLIC_VIEWER } from "../core/viewer";
import type { Viewer } from "../core/viewer";

export interface ContextInput {
  /** The unit of work: the data source's manager, or a test's transaction. */
  em: EntityManager;
  acceptLanguage?: string | undefined;
  requestId: string;
  /** Who asks; PUBLIC unless an API key said otherwise. */
  viewer?: Viewer;
  /** What a committed write must invalidate (the response cache) and announce (its events); nothing by default. */
  afterWrite?: (events: readonly LiveEvent[]) => Promise<void>;
  /** The clock, injectable so tests can fix "today". */
  now?: Date;
  /** The days the graph answers for (`calendarFor` with the facts horizon, today and CALENDAR_YEARS_AHEAD). */
  calendar: Calendar;
}

/** A fresh context for one request: its own DataLoaders, its own "today". */
export function createRequestContext(input: ContextInput): RequestContext {
  const { em } = input;
  const viewer = input.viewer ?? PUBLIC_VIEWER;
  return {
    em,
    loaders: new LoaderRegistry({ em, viewer }),
    today: todayUtc(input.now),
    calendar: input.calendar,
    viewer,
    preferredLang: negotiateLang(input.acceptLanguage),
    requestId: input.requestId,
    afterWrite: input.afterWrite ?? (async () => {}),
    knownOn: null,
    finish: async () => {},
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Turns a request, before anything is read, into a read of the records as known at
 * `asked`: its statements go through a session that sees the versions then current
 * (core/known-session.ts), with fresh loaders, and `asOf` defaults to that instant's
 * day when it lies before today. `finish` ends the session.
 */
export async function readAsKnownOn(context: RequestContext, asked: Date): Promise<KnownOn> {
  const session = await openKnownSession(context.em, asked);
  const knownOn: KnownOn = { asked, answeredFor: session.answeredFor, recordsBegin: session.recordsBegin };
  // The day the question is about: the asked instant's, even when the records answering it are later (the first ones).
  const day = (asked < session.answeredFor ? asked : session.answeredFor).toISOString().slice(0, 10);
  const mutable = context as Mutable<RequestContext>;
  mutable.em = session.em;
  mutable.loaders = new LoaderRegistry({ em: session.em, viewer: context.viewer });
  if (day < context.today) mutable.today = day;
  mutable.knownOn = knownOn;
  mutable.finish = () => session.close();
  return knownOn;
}
