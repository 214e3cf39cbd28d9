import type { EntityManager } from "typeorm";
import type { RequestContext } from "../core/context";
import { todayUtc } from "../core/dates";
import { negotiateLang } from "../core/i18n";
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
  /** What a committed write must invalidate (the response cache); nothing by default. */
  afterWrite?: () => Promise<void>;
  /** The clock, injectable so tests can fix "today". */
  now?: Date;
}

/** A fresh context for one request: its own DataLoaders, its own "today". */
export function createRequestContext(input: ContextInput): RequestContext {
  const { em } = input;
  const viewer = input.viewer ?? PUBLIC_VIEWER;
  return {
    em,
    loaders: new LoaderRegistry({ em, viewer }),
    today: todayUtc(input.now),
    viewer,
    preferredLang: negotiateLang(input.acceptLanguage),
    requestId: input.requestId,
    afterWrite: input.afterWrite ?? (async () => {}),
  };
}
