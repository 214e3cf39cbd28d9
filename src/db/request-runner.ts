import type { DataSource, EntityManager, QueryRunner } from "typeorm";
import { DeadlineExceededError } from "../core/errors";

export interface RequestRunner {
  /** The request's EntityManager: every statement it sends goes through the guard. */
  readonly em: EntityManager;
  /** Statements sent so far. */
  statements(): number;
  /** Gives the connection back; call once the request's work has settled. */
  release(): Promise<void>;
}

/**
 * One query runner per request (it takes a pooled connection only at its first
 * statement): every statement first checks the request's signal, so once the
 * deadline passes or the client goes away no further SQL is sent, on PostgreSQL and
 * PGlite alike. (A statement already running on PostgreSQL is ended by the server's
 * `statement_timeout`, set to the same deadline.)
 */
export function openRequestRunner(dataSource: DataSource, signal: AbortSignal): RequestRunner {
  const runner: QueryRunner = dataSource.createQueryRunner();
  let count = 0;
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  const guarded = (...args: unknown[]): Promise<unknown> => {
    if (signal.aborted) return Promise.reject(new DeadlineExceededError(signal.reason));
    count++;
    return query(...args);
  };
  (runner as unknown as { query: typeof guarded }).query = guarded;
  return {
    em: runner.manager,
    statements: () => count,
    release: async () => {
      if (!runner.isReleased) await runner.release();
    },
  };
}
