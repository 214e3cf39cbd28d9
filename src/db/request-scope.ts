import type { DataSource, QueryRunner } from "typeorm";
import { DeadlineExceededError } from "../core/errors";
import { recordRunnerScope, scopeOf } from "../core/scoped-source";
import type { StatementScope } from "../core/scoped-source";
import { writeGateOf } from "../core/write-gate";
import { cancelRunningStatement } from "./cancel";
import type { CancellableClient } from "./cancel";
import { sendPrepared } from "./prepared-statements";
import type { PreparingClient } from "./prepared-statements";

type PgClient = CancellableClient & PreparingClient;

interface ScopeState {
  /** The `pg` clients running one of the request's statements now, and since when (performance.now()). */
  readonly running: Map<PgClient, number>;
  /** The request's statements waiting for a connection from the pool now. */
  connecting: number;
  /** Cancels sent at the abort, by client: its statement's connection is held until its cancel has reached the server. */
  readonly cancels: Map<PgClient, Promise<void>>;
  /** Sends the cancels: on the scope's signal while a statement runs, and only then. */
  readonly cancelRunning: () => void;
}

const states = new WeakMap<StatementScope, ScopeState>();

function stateOf(scope: StatementScope): ScopeState {
  let state = states.get(scope);
  if (!state) {
    const running = new Map<PgClient, number>();
    const cancels = new Map<PgClient, Promise<void>>();
    const cancelRunning = () => {
      for (const client of running.keys()) cancels.set(client, cancelRunningStatement(client));
    };
    state = { running, connecting: 0, cancels, cancelRunning };
    states.set(scope, state);
  }
  return state;
}

/**
 * Where the request's statements are now, on PostgreSQL: how many wait for a connection
 * from the pool, and each one running, with its backend (the process id PostgreSQL's own
 * log names it by) and how long it has run. What a deadline's log line reports.
 */
export function statementsNow(scope: StatementScope): {
  waitingForConnection: number;
  running: { backend: number | null; forMs: number }[];
} {
  const state = states.get(scope);
  const now = performance.now();
  return {
    waitingForConnection: state?.connecting ?? 0,
    running: [...(state?.running ?? [])].map(([client, since]) => ({ backend: client.processID, forMs: Math.round(now - since) })),
  };
}

type Query = (...queryArgs: unknown[]) => Promise<unknown>;

/** The `pg` client a runner holds (PGlite's runners have none). */
function pgClientOf(runner: QueryRunner): PgClient | null {
  const connection = (runner as unknown as { databaseConnection?: Partial<PgClient> }).databaseConnection;
  return typeof connection?.processID === "number" ? (connection as PgClient) : null;
}

/**
 * Wraps the data source's query runners once, so a statement answers to the scope of
 * the (scoped) data source that made its runner (`scopedSource`: a request's): once
 * the request's signal aborts (deadline, client gone) no further SQL is sent, on
 * PostgreSQL and PGlite alike, and on PostgreSQL a statement still running then is
 * cancelled (a CancelRequest for its backend, src/db/cancel.ts; `statement_timeout`
 * ends any the cancel misses). A cancelled statement's connection goes back to the pool
 * only once its cancel has reached the server, so the cancel can never land on another
 * request's statement. Statements stay on the pool: a request's loader batches run in
 * parallel, each on a runner of its own; a runner (a transaction's) sends its statements
 * one after another. On PostgreSQL they run as prepared statements (src/db/prepared-statements.ts).
 * And every statement waits (on PGlite) while another scope's write holds the session.
 */
export function guardStatements(dataSource: DataSource, options: { prepareStatements: boolean }): void {
  // PGlite runs inside this process, one statement at a time: nothing to cancel from outside.
  const cancellable = !(dataSource.options as { driver?: unknown }).driver;
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
      if (scope.deadlineAt !== undefined && performance.now() > scope.deadlineAt) throw new DeadlineExceededError("deadline");
      scope.statements++;
      if (!cancellable || typeof queryArgs[0] !== "string") return query(...queryArgs);
      // The connection is taken first so its backend is known while the statement runs.
      const state = stateOf(scope);
      state.connecting++;
      try {
        await runner.connect();
      } finally {
        state.connecting--;
      }
      const client = pgClientOf(runner);
      if (client === null) return query(...queryArgs);
      // Aborted while it waited for a connection from the pool.
      if (scope.signal.aborted) throw new DeadlineExceededError(scope.signal.reason);
      // On the signal only while one of the request's statements runs: a listener left there once the request
      // is answered keeps its objects alive through young-generation collections (src/http/graphql-route.ts).
      if (state.running.size === 0) scope.signal.addEventListener("abort", state.cancelRunning, { once: true });
      state.running.set(client, performance.now());
      try {
        return await (options.prepareStatements ? sendPrepared(client, () => query(...queryArgs)) : query(...queryArgs));
      } finally {
        state.running.delete(client);
        if (state.running.size === 0) scope.signal.removeEventListener("abort", state.cancelRunning);
        // Aborted while it ran: the connection stays out of the pool until the cancel has reached the server.
        const cancelling = state.cancels.get(client);
        if (cancelling) {
          state.cancels.delete(client);
          await cancelling;
        }
      }
    };
    // One statement at a time on a runner. A transaction's runner serves every loader of its work, and loaders
    // batched in the same turn ask at once; `pg` would queue the second on the client, which it deprecates
    // (its next major refuses it). Each waits for the one before to be answered, in the order they were asked.
    let previous: Promise<unknown> = Promise.resolve();
    const inTurn: Query = (...queryArgs) => {
      const answer = previous.then(() => guarded(...queryArgs));
      previous = answer.catch(() => {});
      return answer;
    };
    (runner as unknown as { query: Query }).query = inTurn;
    return runner;
  };
}
