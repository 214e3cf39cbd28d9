import type DataLoader from "dataloader";
import type { EntityManager } from "typeorm";
import type { Viewer } from "./viewer";

/** What a DataLoader factory may use: the request's unit of work and who asks, nothing else. */
export interface LoaderScope {
  readonly em: EntityManager;
  /** Decides drafts: a loader of rows that can be drafts leaves them out for the public. */
  readonly viewer: Viewer;
}

export type LoaderFactory<K, V> = (scope: LoaderScope) => DataLoader<K, V>;

/**
 * The DataLoaders of one request, created on first use. Keying by factory lets each
 * module own its loaders without a central list every module would have to import.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();
  private readonly memos = new Map<string, Promise<unknown>>();

  /**
   * A computation done once per request whoever asks (e.g. the voting members on a
   * day, which quorum, tallies and outcomes all need): the first caller's promise is
   * shared by the rest.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let known = this.memos.get(key) as Promise<T> | undefined;
    if (!known) {
      known = compute();
      this.memos.set(key, known);
    }
    return known;
  }

  constructor(private readonly scope: LoaderScope) {}

  /** Forgets every loaded row and memo: after a write, the answer must show the new state. */
  clear(): void {
    this.loaders.clear();
    this.memos.clear();
  }

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(factory);
    if (!loader) {
      loader = factory(this.scope);
      this.loaders.set(factory, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
