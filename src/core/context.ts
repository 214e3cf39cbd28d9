import type { EntityManager } from "typeorm";
import type { Lang } from "./i18n";
import type { IsoDate } from "./dates";
import type { LoaderRegistry } from "./loaders";

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
}

/**
 * Everything a resolver may use, created fresh for every request: its unit of work
 * and what only GraphQL needs, the language the client prefers and the request id.
 * Later: the viewer.
 */
export interface RequestContext extends UnitOfWork {
  /** From `Accept-Language`; `name(lang:)` overrides it per field. */
  readonly preferredLang: Lang;
  readonly requestId: string;
}
