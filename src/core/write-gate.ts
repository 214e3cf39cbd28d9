import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource } from "typeorm";

/**
 * Writes, one at a time, with no reader inside them. On PGlite the database is one
 * session for the whole process: a transaction's BEGIN would take every statement
 * any other request sends until COMMIT into the transaction, so readers would see
 * uncommitted rows and a rollback would undo their own writes. While a write holds
 * the gate, statements from outside it wait; the write's own (known by its async
 * context) pass. On PostgreSQL each transaction has its own connection and the
 * server isolates it, so the gate only orders writes there (cheap, and it keeps one
 * behaviour on both databases).
 */
export class WriteGate {
  private readonly inside = new AsyncLocalStorage<true>();
  private tail: Promise<void> = Promise.resolve();
  /** Settles when the write holding the gate ends; null while none does. */
  private held: Promise<void> | null = null;

  /** Whether statements must wait for writes (one shared session: PGlite). */
  constructor(private readonly sharedSession: boolean) {}

  /** Runs `write` alone: after the writes before it, and (on PGlite) with every outside statement held back. */
  async exclusive<T>(write: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return write();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => done);
    await previous;
    this.held = done;
    try {
      return await this.inside.run(true, write);
    } finally {
      this.held = null;
      release();
    }
  }

  /**
   * Called before every statement: null when it may run now (always on PostgreSQL, so
   * the hot path costs no extra await), else what to wait for before asking again.
   */
  holdFor(): Promise<void> | null {
    if (!this.sharedSession || this.held === null || this.inside.getStore()) return null;
    return this.held;
  }
}

const gates = new WeakMap<DataSource, WriteGate>();

/** The data source's gate (made by the data source's guard; one per data source). */
export function writeGateOf(dataSource: DataSource): WriteGate {
  let gate = gates.get(dataSource);
  if (!gate) {
    gate = new WriteGate(Boolean((dataSource.options as { driver?: unknown }).driver));
    gates.set(dataSource, gate);
  }
  return gate;
}
