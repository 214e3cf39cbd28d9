import type { DataSource, EntityManager } from "typeorm";
import { rootOf, scopeOfManager } from "./scoped-source";
import type { StatementScope } from "./scoped-source";

/**
 * Writes, one at a time, with no reader inside them. On PGlite the database is one
 * session for the whole process: a transaction's BEGIN would take every statement
 * any other request sends until COMMIT into the transaction, so readers would see
 * uncommitted rows and a rollback would undo their own writes. While a write holds
 * the gate, statements from outside it wait; the write's own pass, known by the scope
 * their query runner was made for (`scopedSource`). On PostgreSQL each transaction has
 * its own connection and the server isolates it, so the gate only orders writes there
 * (cheap, and it keeps one behaviour on both databases).
 */
export class WriteGate {
  private tail: Promise<void> = Promise.resolve();
  /** Settles when the write holding the gate ends; null while none does. */
  private held: Promise<void> | null = null;
  /** The scope of the write holding the gate: its statements pass. */
  private holder: StatementScope | null = null;

  /** Whether statements must wait for writes (one shared session: PGlite). */
  constructor(private readonly sharedSession: boolean) {}

  /**
   * Runs `write` alone, after the writes before it and (on PGlite) with every
   * statement from outside `em`'s scope held back; `write` sends its statements
   * through `em` (or managers made from it: a transaction's).
   */
  async exclusive<T>(em: EntityManager, write: () => Promise<T>): Promise<T> {
    const owner = scopeOfManager(em);
    if (owner === null) throw new Error("a write runs through a request's (or a background job's) scoped manager");
    if (this.holder === owner) return write();
    const release = await this.acquire(owner);
    try {
      return await write();
    } finally {
      release();
    }
  }

  /**
   * Holds the database's one session for `owner` until the returned function is
   * called, where there is one session to hold (PGlite): a read that sets session
   * state (the recorded time of `asKnownOn`) must not lend it to other requests.
   * On PostgreSQL such a read has a connection of its own: nothing to hold.
   */
  async holdSession(owner: StatementScope): Promise<() => void> {
    if (!this.sharedSession) return () => {};
    return this.acquire(owner);
  }

  private async acquire(owner: StatementScope): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => done);
    await previous;
    this.held = done;
    this.holder = owner;
    return () => {
      this.held = null;
      this.holder = null;
      release();
    };
  }

  /**
   * Called before every statement with the scope it runs for: null when it may run
   * now (always on PostgreSQL, so the hot path costs no extra await), else what to
   * wait for before asking again.
   */
  holdFor(scope: StatementScope | null): Promise<void> | null {
    if (!this.sharedSession || this.held === null || (scope !== null && scope === this.holder)) return null;
    return this.held;
  }
}

const gates = new WeakMap<DataSource, WriteGate>();

/** The database's gate (one per real data source; a request's scoped source shares it). */
export function writeGateOf(dataSource: DataSource): WriteGate {
  const root = rootOf(dataSource);
  let gate = gates.get(root);
  if (!gate) {
    gate = new WriteGate(Boolean((root.options as { driver?: unknown }).driver));
    gates.set(root, gate);
  }
  return gate;
}
