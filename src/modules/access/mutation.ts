import { isDeepStrictEqual } from "node:util";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { RequestContext, UnitOfWork } from "../../core/context";
import { CharterRefusalError, ConflictError, ErrorCode, InputError, NotFoundError } from "../../core/errors";
import { liveEventsOf } from "../../core/live-event";
import type { LiveChange, LiveEvent } from "../../core/live-event";
import { LoaderRegistry } from "../../core/loaders";
import { toReasons } from "../../core/reasons";
import { storageGuardOf } from "../../core/storage-guard";
import { writeGateOf } from "../../core/write-gate";
import { AuditEntry } from "./audit-entry.entity";
import { LiveEventRecord } from "./live-event.entity";
import { CharterRefusal, Conflict, InvalidInput, NotFound } from "./problems.types";

/** A problem a mutation's result union can hold. */
type Problem = InvalidInput | NotFound | Conflict | CharterRefusal;

/** What a write reports for its audit entry besides its answer. */
export interface Written<T> {
  result: T;
  /** Global IDs of what the write changed or made. */
  targets: string[];
  /** The changed rows as they were; null when the write only made rows. */
  before: unknown;
  after: unknown;
  /** The input asked for what the rows already hold: the write answers success, with no new version and no audit entry. */
  unchanged?: boolean;
  /** What subscribers hear once the write commits (docs/live.md); nothing when left out. */
  changes?: readonly LiveChange[];
}

/** SQLSTATEs a write can meet because of its input, and how the client hears them. */
function problemFromDatabase(error: unknown): Problem | null {
  const code = sqlStateOf(error);
  const named = (error as { driverError?: { constraint?: unknown } }).driverError?.constraint;
  const constraint = typeof named === "string" ? named : null;
  if (code === "23505") {
    return Object.assign(new Conflict(), {
      code: ErrorCode.CONFLICT,
      message: `Already recorded: the write would duplicate a row (${constraint ?? "unique key"}). Reload and check before retrying.`,
      currentVersion: null,
    });
  }
  if (isOvertaken(error)) {
    // Writes from other hubs on the same database kept recording newer versions of these rows while this one ran.
    return Object.assign(new Conflict(), {
      code: ErrorCode.CONFLICT,
      message: `Other writes to the same rows were recorded first, ${ATTEMPTS_WHEN_OVERTAKEN} times: reload and retry.`,
      currentVersion: null,
    });
  }
  if (code === "23514" || code === "23502" || code === "22001" || code === "22003" || code === "22007" || code === "22008") {
    return Object.assign(new InvalidInput(), {
      code: ErrorCode.BAD_USER_INPUT,
      message: `The database refused the values${constraint ? ` (rule ${constraint})` : ""}: check the input against the field descriptions.`,
      field: null,
    });
  }
  if (code === "23503") {
    return Object.assign(new NotFound(), {
      code: ErrorCode.NOT_FOUND,
      message: `A referenced row does not exist${constraint ? ` (${constraint})` : ""}.`,
      field: null,
    });
  }
  return null;
}

/** The input field an error names, if it names one. */
function fieldOf(error: InputError | NotFoundError): string | null {
  const field = error.extensions["argumentName"];
  return typeof field === "string" ? field : null;
}

/** An expected failure as the result union's problem; null for a fault (which stays an error). */
function problemOf(error: unknown): Problem | null {
  if (error instanceof InputError) {
    return Object.assign(new InvalidInput(), { code: ErrorCode.BAD_USER_INPUT, message: error.message, field: fieldOf(error) });
  }
  if (error instanceof NotFoundError) {
    return Object.assign(new NotFound(), { code: ErrorCode.NOT_FOUND, message: error.message, field: fieldOf(error) });
  }
  if (error instanceof ConflictError) {
    return Object.assign(new Conflict(), { code: ErrorCode.CONFLICT, message: error.message, currentVersion: error.currentVersion });
  }
  if (error instanceof CharterRefusalError) {
    return Object.assign(new CharterRefusal(), {
      code: ErrorCode.CHARTER_REFUSED,
      message: error.message,
      reasons: toReasons(error.reasons),
    });
  }
  return problemFromDatabase(error);
}

/** Input as JSON for the audit log: dates as ISO strings, no class instances. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Runs one write: alone (the write gate), in one transaction with its audit entry,
 * as the request's viewer. Expected failures (input, not found, conflict, charter)
 * roll everything back and come back as the result union's problem; any other
 * fault rolls back and is an error. After the commit the request's loaders are
 * cleared, so the answer shows the new state, the response cache is invalidated and
 * the write's changes are announced: never before the commit, never for a rollback.
 */
export async function runMutation<T extends object>(
  ctx: RequestContext,
  operation: string,
  input: unknown,
  write: (uow: UnitOfWork) => Promise<Written<T>>,
): Promise<T | Problem> {
  const { viewer } = ctx;
  if (viewer.keyId === null || viewer.label === null) throw new Error(`${operation}: a write needs an authenticated viewer`);
  // A full disk refuses the write before it begins (src/db/storage-guard.ts): STORAGE_FULL, 503.
  storageGuardOf(ctx.em.connection)?.assertRoom();
  let written: Committed<T>;
  try {
    textsWithin(input, "input");
    written = await retriedWhenOvertaken(() => writeOnce(ctx, operation, input, write));
  } catch (error) {
    const problem = problemOf(error);
    if (problem) return problem;
    throw error;
  }
  // A write that changed nothing leaves the caches and the reporting tables as they are.
  if (written.unchanged) return written.result;
  ctx.loaders.clear();
  await ctx.afterWrite(written.events);
  return written.result;
}

/** The most characters a text of a write's input may hold, where its field does not say fewer. */
export const MAX_INPUT_TEXT = 2000;

/** BAD_USER_INPUT naming the first text of `value` (at `path`) longer than `MAX_INPUT_TEXT`, before the write begins. */
function textsWithin(value: unknown, path: string): void {
  if (typeof value === "string") {
    if (value.length > MAX_INPUT_TEXT) {
      throw new InputError(`${path} must hold at most ${MAX_INPUT_TEXT} characters, got ${value.length}`, path);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => textsWithin(item, `${path}[${index}]`));
  } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [field, item] of Object.entries(value)) textsWithin(item, `${path}.${field}`);
  }
}

/** Times a write is tried when another write to the same rows was recorded after it began. */
const ATTEMPTS_WHEN_OVERTAKEN = 3;

/** The SQLSTATE of a database error, through TypeORM's wrapper or not. */
function sqlStateOf(error: unknown): unknown {
  return (error as { driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
}

function isOvertaken(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code === "40001" || code === "40P01";
}

/**
 * Tries the write again when the version trigger refused it because another write
 * (a second hub on the same database) recorded a newer version of one of its rows
 * while it ran: the whole transaction rolled back, so a new attempt, with a new
 * recorded instant, keeps both versions in order. The attempt checks the client's
 * `version`s again, so a write that would overwrite what it has not read is still a
 * CONFLICT.
 */
async function retriedWhenOvertaken<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isOvertaken(error) || tried >= ATTEMPTS_WHEN_OVERTAKEN) throw error;
    }
  }
}

/** A write as committed: with its changes as events, whose rows the outbox (`live_event`) holds. */
type Committed<T> = Written<T> & { events: readonly LiveEvent[] };

async function writeOnce<T extends object>(
  ctx: RequestContext,
  operation: string,
  input: unknown,
  write: (uow: UnitOfWork) => Promise<Written<T>>,
): Promise<Committed<T>> {
  const { viewer } = ctx;
  // The request's manager starts a transaction of its own (a savepoint inside a test's transaction).
  return writeGateOf(ctx.em.connection).exclusive(ctx.em, () =>
    ctx.em.transaction(async (tx) => {
      // One recorded instant for the write: its versions in `history` and its audit entry carry it.
      await tx.query("SELECT near_start_recording()");
      const uow: UnitOfWork = {
        em: tx,
        loaders: new LoaderRegistry({ em: tx, viewer }),
        today: ctx.today,
        calendar: ctx.calendar,
        viewer,
      };
      const outcome = await write(uow);
      if (outcome.unchanged) return { ...outcome, events: [] };
      await tx.getRepository(AuditEntry).insert({
        actorLabel: viewer.label!,
        actorRole: viewer.role,
        actorKeyId: viewer.keyId!,
        operation,
        targetIds: outcome.targets,
        input: plain(input) as object,
        before: plain(outcome.before) as object,
        after: plain(outcome.after) as object,
        requestId: ctx.requestId,
      });
      // The outbox: in the write's transaction, so a committed change always has its event and a rolled-back one none.
      const events = liveEventsOf(operation, outcome.changes ?? []);
      if (events.length > 0) {
        await tx.getRepository(LiveEventRecord).insert(
          events.map(({ id, kind, operation: made, recordedAt, ...change }) => ({
            id,
            kind,
            operation: made,
            recordedAt: new Date(recordedAt),
            change,
          })),
        );
      }
      return { ...outcome, events };
    }),
  );
}

/** A row with optimistic concurrency, keyed by `id` (or `code`, for a country). */
export interface Versioned extends ObjectLiteral {
  version: number;
}

type Key = { id: number } | { code: string };

/**
 * Locks the row, checks the client's `version`, applies `changes` and bumps the
 * version: NOT_FOUND when there is no such row, CONFLICT (with the current version)
 * when another write came first. When every value of `changes` is what the row holds
 * already, nothing is written (`unchanged`); `recordedWith` (where the values come
 * from, say) is written only beside a change.
 */
export async function updateVersioned<E extends Versioned>(
  em: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  key: Key,
  expectedVersion: number,
  changes: Partial<E>,
  recordedWith: Partial<E> = {},
): Promise<{ before: E; after: E; unchanged: boolean }> {
  const before = await lockVersioned(em, entity, what, key, expectedVersion);
  const unchanged = Object.entries(changes).every(([column, value]) => value === undefined || isDeepStrictEqual(before[column], value));
  if (unchanged) return { before, after: before, unchanged };
  const repository = em.getRepository(entity);
  await repository.update(key as never, { ...changes, ...recordedWith, version: before.version + 1 });
  const after = await repository.findOneByOrFail(key as never);
  return { before, after, unchanged };
}

/** Locks a row for the rest of the transaction and checks its version (a child row's write bumps its parent's). */
export async function lockVersioned<E extends Versioned>(
  em: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  key: Key,
  expectedVersion: number,
): Promise<E> {
  const [column, value] = Object.entries(key)[0];
  const row = await em
    .getRepository(entity)
    .createQueryBuilder("row")
    .setLock("pessimistic_write")
    .where(`row.${column} = :value`, { value })
    .getOne();
  if (!row) throw new NotFoundError(`No ${what} with that id`, "input.id");
  if (row.version !== expectedVersion) {
    throw new ConflictError(
      `The ${what} changed since you read it (your version ${expectedVersion}, now ${row.version}): reload it and retry.`,
      row.version,
    );
  }
  return row;
}

/** `lockVersioned`, then bumps the version: a write to a row's children changes what the row means. */
export async function bumpVersion<E extends Versioned>(
  em: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  key: Key,
  expectedVersion: number,
): Promise<E> {
  const row = await lockVersioned(em, entity, what, key, expectedVersion);
  await em.getRepository(entity).update(key as never, { version: row.version + 1 } as never);
  return row;
}
