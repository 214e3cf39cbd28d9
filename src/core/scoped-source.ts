import { EntityManager } from "typeorm";
import type { DataSource, QueryRunner } from "typeorm";

/** What the database layer knows of the request (or background job) a statement belongs to. */
export interface StatementScope {
  readonly signal: AbortSignal;
  /**
   * When (performance.now()) the request's deadline falls: a statement after it is not
   * sent even if the deadline's timer has not fired yet (work that never yields delays it).
   */
  readonly deadlineAt?: number;
  /** Statements sent for it so far. */
  statements: number;
}

const SCOPE = Symbol("near:scope");
const ROOT = Symbol("near:root");

type Scoped = DataSource & { [SCOPE]?: StatementScope; [ROOT]?: DataSource };

/**
 * The data source as one request sees it: an object whose prototype is the real data
 * source (so metadata, driver and pool are the real ones) and which carries the
 * request's scope, and its own entity manager. Every query runner made through it —
 * by TypeORM's query builders, repositories, `query()` and transactions alike — knows
 * the scope it runs for (src/db/request-scope.ts reads it): no AsyncLocalStorage,
 * whose promise hooks run for every promise on Node 20 and 22, and a request makes
 * thousands.
 */
export function scopedSource(dataSource: DataSource, scope: StatementScope): DataSource {
  const root = rootOf(dataSource);
  const scoped = Object.create(root) as Scoped;
  Object.defineProperty(scoped, SCOPE, { value: scope });
  Object.defineProperty(scoped, ROOT, { value: root });
  Object.defineProperty(scoped, "manager", { value: new EntityManager(scoped) });
  return scoped;
}

/** A fresh scope for work of the hub's own (a refresh, a fixture): never aborted. */
export function backgroundScope(): StatementScope {
  return { signal: new AbortController().signal, statements: 0 };
}

/** The scope a data source (as `scopedSource` made it) belongs to; null for the real one. */
export function scopeOf(dataSource: DataSource): StatementScope | null {
  return (dataSource as Scoped)[SCOPE] ?? null;
}

/** The real data source behind a scoped one: what per-database state (the write gate, caches) is keyed by. */
export function rootOf(dataSource: DataSource): DataSource {
  return (dataSource as Scoped)[ROOT] ?? dataSource;
}

/** The scope each query runner was made for (recorded by the statement guard when it makes one). */
const runnerScopes = new WeakMap<QueryRunner, StatementScope>();

export function recordRunnerScope(runner: QueryRunner, scope: StatementScope): void {
  runnerScopes.set(runner, scope);
}

/**
 * The scope an entity manager's statements run for: its query runner's when it has
 * one (a transaction's, a test's), else its data source's.
 */
export function scopeOfManager(em: EntityManager): StatementScope | null {
  return (em.queryRunner && runnerScopes.get(em.queryRunner)) ?? scopeOf(em.connection);
}
