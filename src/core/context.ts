import type { EntityManager } from "typeorm";
import type { Calendar } from "../charter";
import type { Lang } from "./i18n";
import type { IsoDate } from "./dates";
import type { LiveEvent } from "./live-event";
import type { LoaderRegistry } from "./loaders";
import type { Viewer } from "./viewer";

/**
 * What a service works with: the EntityManager of one unit of work (a request, or a
 * write's transaction), the DataLoaders reading through it, and the day `asOf`
 * means when a caller leaves it out. Services take this, never the GraphQL context.
 */
export interface UnitOfWork {
  readonly em: EntityManager;
  readonly loaders: LoaderRegistry;
  /** The day `asOf` means when a client leaves it out. */
  readonly today: IsoDate;
  /** The days the graph answers for (charter/calendar.ts): a day or year outside is the client's mistake. */
  readonly calendar: Calendar;
  /** Who asks: decides private fields and drafts (never the SQL a public caller can see). */
  readonly viewer: Viewer;
}

/**
 * Everything a resolver may use, created fresh for every request: its unit of work
 * and what only GraphQL needs: the language the client prefers, the request id,
 * and what a write must do once committed.
 */
export interface RequestContext extends UnitOfWork {
  /** From `Accept-Language`; `name(lang:)` overrides it per field. */
  readonly preferredLang: Lang;
  readonly requestId: string;
  /** After a committed write: forget what the response cache and other replicas keep, and tell subscribers what changed. */
  readonly afterWrite: (events: readonly LiveEvent[]) => Promise<void>;
  /** Set when the request reads the records as the hub knew them at an earlier instant (`asKnownOn`). */
  readonly knownOn: KnownOn | null;
  /** Ends what the request holds open (the read of `asKnownOn`); idempotent, and a no-op when nothing is open. */
  readonly finish: () => Promise<void>;
}

/** The recorded time a request reads at (docs/charter.md, "Two times"). */
export interface KnownOn {
  /** What the client asked. */
  readonly asked: Date;
  /** What is answered: the asked instant, or the first record when asked earlier, or now when asked later. */
  readonly answeredFor: Date;
  readonly recordsBegin: Date;
}
