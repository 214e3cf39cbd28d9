import { randomUUID } from "node:crypto";
import type { DataSource, QueryRunner } from "typeorm";
import { DeadlineExceededError } from "../core/errors";
import { recordRunnerScope, scopeOf } from "../core/scoped-source";
import type { StatementScope } from "../core/scoped-source";
import { writeGateOf } from "../core/write-gate";

interface ScopeState {
  /** Marks the request's statements on PostgreSQL, so a cancel can never hit another request's. */
  readonly tag: string;
  /** PostgreSQL backends running one of the request's statements now. */
  readonly running: Set<number>;
  cancelArmed: boolean;
}

const states = new WeakMap<StatementScope, ScopeState>();

function stateOf(scope: StatementScope): ScopeState {
  let state = states.get(scope);
  if (!state) {
    state = { tag: randomUUID(), running: new Set(), cancelArmed: false };
    states.set(scope, state);
  }
  return state;
}

type Query = (...queryArgs: unknown[]) => Promise<unknown>;

/** The backend process of a `pg` connection, when the runner holds one (PGlite has none). */
function backendOf(runner: QueryRunner): number | null {
  const connection = (runner as unknown as { databaseConnection?: { processID?: unknown } }).databaseConnection;
  return typeof connection?.processID === "number" ? connection.processID : null;
}

/**
 * Wraps the data source's query runners once, so a statement answers to the scope of
 * the (scoped) data source that made its runner (`scopedSource`: a request's): once
 * the request's signal aborts (deadline, client gone) no further SQL is sent, on
 * PostgreSQL and PGlite alike, and on PostgreSQL a statement still running then is
 * cancelled (`pg_cancel_backend`; `statement_timeout` ends any the cancel misses).
 * Statements stay on the pool: a request's loader batches run in parallel. And every
 * statement waits (on PGlite) while another scope's write holds the session.
 */
export function guardStatements(dataSource: DataSource): void {
  // PGlite runs inside this process, one statement at a time: nothing to cancel from outside.
  const cancellable = !(dataSource.options as { driver?: unknown }).driver;
  const cancel = (state: ScopeState) => {
    for (const pid of state.running) {
      // On the real data source (the aborted scope would refuse it), and only while the backend still runs this request's statement.
      void dataSource
        .query("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND state = 'active' AND query LIKE $2", [
          pid,
          `/* near:${state.tag} */%`,
        ])
        .catch(() => {});
    }
  };
  const gate = writeGateOf(dataSource);
  const create = dataSource.createQueryRunner.bind(dataSource);
  // A function, not an arrow: called through a request's scoped source, `this` is that source.
  dataSource.createQueryRunner = function createGuardedRunner(this: DataSource, ...args: Parameters<DataSource["createQueryRunner"]>) {
    const runner = create(...args);
    const scope = scopeOf(this);
    if (scope) recordRunnerScope(runner, scope);
    const query = runner.query.bind(runner) as Query;
    const guarded: Query = async (...queryArgs) => {
      for (let held = gate.holdFor(scope); held !== null; held = gate.holdFor(scope)) await held;
      if (!scope) return query(...queryArgs);
      if (scope.signal.aborted) throw new DeadlineExceededError(scope.signal.reason);
      scope.statements++;
      if (!cancellable || typeof queryArgs[0] !== "string") return query(...queryArgs);
      const state = stateOf(scope);
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
