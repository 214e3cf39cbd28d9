import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, QueryRunner } from "typeorm";
import { DeadlineExceededError } from "../core/errors";

/** What the database layer knows of the request a statement belongs to. */
export interface RequestScope {
  readonly signal: AbortSignal;
  /** Statements sent for the request so far. */
  statements: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` as one request: every statement it sends, from any loader or service
 * and however many promise hops later, first checks the request's signal, so once the
 * deadline passes or the client goes away no further SQL is sent (on PostgreSQL and
 * PGlite alike; a statement already running on PostgreSQL is ended by the server's
 * `statement_timeout`, set to the same deadline). Statements stay on the pool as
 * before: a request's parallel loader batches still run in parallel.
 */
export function inRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** Wraps the data source's query runners once, so statements answer to the request scope they run in. */
export function guardStatements(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource["createQueryRunner"]>): QueryRunner => {
    const runner = create(...args);
    const query = runner.query.bind(runner) as (...queryArgs: unknown[]) => Promise<unknown>;
    (runner as unknown as { query: (...queryArgs: unknown[]) => Promise<unknown> }).query = (...queryArgs) => {
      const scope = scopes.getStore();
      if (scope) {
        if (scope.signal.aborted) return Promise.reject(new DeadlineExceededError(scope.signal.reason));
        scope.statements++;
      }
      return query(...queryArgs);
    };
    return runner;
  };
}
