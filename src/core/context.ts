import type { EntityManager } from "typeorm";
import type { Lang } from "./i18n";
import type { IsoDate } from "./dates";
import type { LoaderRegistry } from "./loaders";

/**
 * Everything a resolver may use, created fresh for every request: the request's
 * EntityManager (its unit of work), its DataLoaders, the day it answers for by
 * default and the language the client prefers. Later: the viewer.
 */
export interface RequestContext {
  readonly em: EntityManager;
  readonly loaders: LoaderRegistry;
  /** The day `asOf` means when a client leaves it out. */
  readonly today: IsoDate;
  /** From `Accept-Language`; `name(lang:)` overrides it per field. */
  readonly preferredLang: Lang;
  readonly requestId: string;
}
