import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { DataSource, QueryRunner } from "typeorm";
import { DeadlineExceededError } from "../core/errors";
import { writeGateOf } from "../core/write-gate";

/** What the database layer knows of the request a statement belongs to. */
export interface RequestScope {
  readonly signal: AbortSignal;
  /** Statements sent for the request so far. */
  statements: number;
}

interface ScopeState {
  /** Marks the request's statements on PostgreSQL, so a cancel can never hit another request's. */
  readonly tag: string;
  /** PostgreSQL backends running one of the request's statements now. */
  readonly running: Set<number>;
  cancelArmed: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();
const states = new WeakMap<RequestScope, ScopeState>();

/**
 * Runs `work` as one request: every statement it sends, from any loader or service
 * and however many promise hops later, first checks the request's signal, so once the
 * deadline passes or the client goes away no further SQL is sent (PostgreSQL and
 * PGlite alike). On PostgreSQL a statement still running then is cancelled
 * (`pg_cancel_backend`), and `statement_timeout` ends any the cancel misses.
 * Statements stay on the pool as before: a request's loader batches run in parallel.
 */
export function inRequestScope<T>(scope: RequestScope, work: () => T): T {
  states.set(scope, { tag: randomUUID(), running: new Set(), cancelArmed: false });
  return scopes.run(scope, work);
}

type Query = (...queryArgs: unknown[]) => Promise<unknown>;

/** The backend process of a `pg` connection, when the runner holds one (PGlite has none). */
function backendOf(runner: QueryRunner): number | null {
  const connection = (runner as unknown as { databaseConnection?: { processID?: unknown } }).databaseConnection;
  return typeof connection?.processID === "number" ? connection.processID : null;
}

/**
 * Wraps the data source's query runners once, so statements answer to the request
 * scope they run in, and wait (on PGlite) while another context's write holds the session.
 */
export function guardStatements(dataSource: DataSource): void {
  // PGlite runs inside this process, one statement at a time: nothing to cancel from outside.
  const cancellable = !(dataSource.options as { driver?: unknown }).driver;
  const cancel = (state: ScopeState) => {
    for (const pid of state.running) {
      // Outside the aborted scope (which would refuse it), and only while the backend still runs this request's statement.
      void scopes.exit(() =>
        dataSource
          .query("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE $2", [
            pid,
            `/* near:${state.tag} */%`,
          ])
          .catch(() => {}),
      );
    }
  };
  const gate = writeGateOf(dataSource);
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource["createQueryRunner"]>): QueryRunner => {
    const runner = create(...args);
    const query = runner.query.bind(runner) as Query;
    const guarded: Query = async (...queryArgs) => {
      for (let held = gate.holdFor(); held !== null; held = gate.holdFor()) await held;
      const scope = scopes.getStore();
      if (!scope) return query(...queryArgs);
      if (scope.signal.aborted) throw new DeadlineExceededError(scope.signal.reason);
      scope.statements++;
      const state = states.get(scope);
      if (!cancellable || !state || typeof queryArgs[0] !== "string") return query(...queryArgs);
      if (!state.cancelArmed) {
        state.cancelArmed = true;
        scope.signal.addEventListener("abort", () => cancel(state), { once: true });
      }
      // The connection is taken first so its backend is known while the statement runs.
      await runner.connect();
      const pid = backendOf(runner);
      if (pid !== null) state.running.add(pid);
      try {
        return await query(`/* near:${state.tag} */ ${queryArgs[0]}`, ...queryArgs.slice(1));
      } finally {
        if (pid !== null) state.running.delete(pid);
      }
    };
    (runner as unknown as { query: Query }).query = guarded;
    return runner;
  };
}
