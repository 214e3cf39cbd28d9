import type { EntityManager, QueryRunner } from "typeorm";
import { scopeOfManager } from "./scoped-source";
import { writeGateOf } from "./write-gate";

/** A read of the records as the hub knew them at an earlier instant (`asKnownOn`). */
export interface KnownSession {
  /** Reads through it see the versions current at `answeredFor` (migrations/1795846000000-History.ts). */
  readonly em: EntityManager;
  /** The instant asked about, moved to the first record when asked earlier, and to now when asked later. */
  readonly answeredFor: Date;
  /** The first recorded instant: the shipped facts' (or, on a database that kept no versions before, its upgrade's). */
  readonly recordsBegin: Date;
  /** Ends the session; idempotent. */
  close(): Promise<void>;
}

/**
 * Points `runner`'s transaction at the versions known at `asked`: the tables' names
 * resolve to the views of schema `known`, which read `near.known_on`. Both settings are
 * the transaction's (or savepoint's) own and end with it.
 */
async function enter(runner: QueryRunner, asked: Date): Promise<{ answeredFor: Date; recordsBegin: Date }> {
  const [row] = (await runner.query(
    `SELECT k.at, k.begin, set_config('near.known_on', k.at::text, true) AS known_on, set_config('search_path', 'known, public', true) AS path
       FROM (SELECT min(recorded_from) AS begin,
                    least(greatest($1::timestamptz, min(recorded_from)), date_trunc('milliseconds', clock_timestamp())) AS at
               FROM history.association) k`,
    [asked.toISOString()],
  )) as { at: Date; begin: Date }[];
  if (!row?.at) throw new Error("the database keeps no versions yet: history.association is empty");
  return { answeredFor: row.at, recordsBegin: row.begin };
}

/**
 * Opens a read of the records as known at `asked`, for the statements of `em`'s scope.
 * Outside a transaction (a request): a read-only, repeatable-read transaction on a
 * connection of its own, holding PGlite's one session while it lasts. Inside one (a
 * test's): a savepoint on the same connection, rolled back at the end.
 */
export async function openKnownSession(em: EntityManager, asked: Date): Promise<KnownSession> {
  const outer = em.queryRunner;
  if (outer?.isTransactionActive) {
    await outer.query("SAVEPOINT near_known");
    const end = async () => {
      await outer.query("ROLLBACK TO SAVEPOINT near_known");
      await outer.query("RELEASE SAVEPOINT near_known");
    };
    try {
      return { em, ...(await enter(outer, asked)), close: once(end) };
    } catch (error) {
      await end();
      throw error;
    }
  }
  const owner = scopeOfManager(em);
  if (owner === null) throw new Error("a read of an earlier recorded time runs through a request's scoped manager");
  const releaseSession = await writeGateOf(em.connection).holdSession(owner);
  const runner = em.connection.createQueryRunner();
  const end = async () => {
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
      releaseSession();
    }
  };
  try {
    await runner.connect();
    await runner.startTransaction("REPEATABLE READ");
    await runner.query("SET TRANSACTION READ ONLY");
    return { em: runner.manager, ...(await enter(runner, asked)), close: once(end) };
  } catch (error) {
    await end();
    throw error;
  }
}

function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= run());
}
