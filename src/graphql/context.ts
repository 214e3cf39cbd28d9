import type { EntityManager } from "typeorm";
import type { RequestContext } from "../core/context";
import { todayUtc } from "../core/dates";
import { negotiateLang } from "../core/i18n";
import { LoaderRegistry } from "../core/loaders";

export interface ContextInput {
  /** The unit of work: the data source's manager, or a test's transaction. */
  em: EntityManager;
  acceptLanguage?: string | undefined;
  requestId: string;
  /** The clock, injectable so tests can fix "today". */
  now?: Date;
}

/** A fresh context for one request: its own DataLoaders, its own "today". */
export function createRequestContext(input: ContextInput): RequestContext {
  const { em } = input;
  return {
    em,
    loaders: new LoaderRegistry({ em }),
    today: todayUtc(input.now),
    preferredLang: negotiateLang(input.acceptLanguage),
    requestId: input.requestId,
  };
}
