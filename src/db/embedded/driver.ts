import { EventEmitter } from "node:events";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { errorFromData, openEngine } from "./engine";
import type { Engine, EngineOptions, EngineRequest } from "./engine";
import { readAnswer } from "./wire";
import type { WireResult } from "./wire";

export interface EmbeddedOptions extends EngineOptions {
  /**
   * Run PGlite in a worker thread (the hub's default), so its work never blocks the
   * event loop; false runs it in this thread (the test suite's files, which open
   * hundreds of small databases and gain nothing from a second thread).
   */
  worker: boolean;
}

/** The compiled worker beside this file (`dist/src/db/embedded/worker.js`). */
const WORKER_FILE = join(__dirname, "worker.js");

/**
 * The young generation of PGlite's thread. Little it allocates lives (a message each
 * way; an answer's bytes are outside the heap), yet V8's default lets it grow to most
 * of that thread's heap: a small one costs no throughput and keeps the process smaller.
 */
const WORKER_YOUNG_GENERATION_MB = 6;

/** An engine in a worker thread: each request a message, answered in turn. `online` is called once the thread runs. */
function engineInWorker(options: EngineOptions, online?: () => void): Promise<Engine & { terminate(): Promise<number> }> {
  if (!existsSync(WORKER_FILE)) throw new Error(`the embedded database's worker is not built (${WORKER_FILE}): run npm run build`);
  const worker = new Worker(WORKER_FILE, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  if (online) worker.once("online", online);
  const pending = new Map<number, { resolve: (value: Uint8Array | null) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  // Once the thread is gone, every request fails at once instead of waiting for an answer that cannot come.
  let gone: Error | null = null;
  return new Promise((resolve, reject) => {
    const failAll = (error: Error) => {
      gone ??= error;
      for (const { reject: fail } of pending.values()) fail(error);
      pending.clear();
      reject(error);
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`the embedded database's thread stopped (exit code ${code})`)));
    worker.on("message", (message: { ready?: boolean; id?: number; ok?: boolean; result?: unknown; error?: Record<string, unknown> }) => {
      if (message.ready === true) {
        resolve({
          handle: (request: EngineRequest) =>
            new Promise((done, fail) => {
              if (gone) return fail(gone);
              const id = nextId++;
              pending.set(id, { resolve: done, reject: fail });
              worker.postMessage({ id, request });
            }),
          terminate: () => worker.terminate(),
        });
      } else if (message.ready === false) {
        failAll(errorFromData(message.error ?? {}));
      } else if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.result as Uint8Array | null);
        else waiting?.reject(errorFromData(message.error ?? {}));
      }
    });
  });
}

/**
 * The engine options of an embedded database in `dataDir` (made absolute and created;
 * null: in memory), starting from `imageFile` when given: the same value for main,
 * which starts the engine early, and for the data source, which then uses it.
 */
export function embeddedEngineOptions(dataDir: string | null, imageFile: string | null): EngineOptions {
  if (dataDir === null) return { dataDir: null, imageFile };
  const absolute = resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  return { dataDir: absolute, imageFile };
}

const keyOf = (options: EngineOptions) => JSON.stringify([options.dataDir, options.imageFile ?? null]);

/** Engines started before their data source exists, by options: the first driver for the same database takes its one. */
const startedEarly = new Map<string, ReturnType<typeof engineInWorker>>();

/**
 * Starts the worker thread of an embedded database now: PGlite compiles and opens the
 * data folder (most of a warm start) while main loads the rest of the hub. Resolves
 * once the thread runs (tens of ms; PGlite is still opening); a failure (a folder PGlite
 * cannot open, say) is reported when the data source opens it, as without this.
 */
export function startEmbeddedEngine(options: EngineOptions): Promise<void> {
  const key = keyOf(options);
  if (startedEarly.has(key)) return Promise.resolve();
  return new Promise((threadRuns) => {
    const starting = engineInWorker(options, threadRuns);
    starting.catch(() => threadRuns());
    startedEarly.set(key, starting);
  });
}

function takeStartedEngine(options: EngineOptions): ReturnType<typeof engineInWorker> | null {
  const key = keyOf(options);
  const started = startedEarly.get(key) ?? null;
  startedEarly.delete(key);
  return started;
}

type QueryCallback = (error: unknown, result: WireResult | null) => void;

/**
 * The `driver` TypeORM's PostgreSQL driver takes in place of `pg`: a `Pool` class over
 * one embedded database, in a worker thread or in this one. Like PGlite's own driver
 * for TypeORM, the pool is its own single client (one session: the write gate in
 * src/core/write-gate.ts keeps a write's transaction to itself).
 */
export function embeddedDriver(options: EmbeddedOptions): { Pool: new () => EventEmitter } {
  let opening: Promise<Engine & { terminate?: () => Promise<number> }> | null = null;
  const engine = () => (opening ??= options.worker ? (takeStartedEngine(options) ?? engineInWorker(options)) : openEngine(options));

  class EmbeddedPool extends EventEmitter {
    constructor() {
      super();
      // The pool is also the one client every query runner holds, and each listens for its errors while it does.
      this.setMaxListeners(0);
    }

    connect(callback: (error: unknown, client: EmbeddedPool | null, done: () => void) => void): void {
      engine().then(
        () => callback(null, this, () => {}),
        (error: unknown) => callback(error, null, () => {}),
      );
    }

    async query(sql: string, parameters?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<WireResult> {
      const done = typeof parameters === "function" ? parameters : callback;
      const params = Array.isArray(parameters) ? parameters : [];
      try {
        const request: EngineRequest = params.length > 0 ? { op: "query", sql, params } : { op: "exec", sql };
        // Read here, in the hub's thread: PGlite's thread only runs the engine.
        const result = readAnswer((await (await engine()).handle(request))!);
        done?.(null, result);
        return result;
      } catch (error) {
        done?.(error, null);
        throw error;
      }
    }

    /** The data folder as a tar file (`loadDataDir` reads it back): the build's image and the tests' snapshot. */
    async dump(): Promise<Uint8Array> {
      return (await (await engine()).handle({ op: "dump" })) as Uint8Array;
    }

    end(callback: (error: unknown) => void): void {
      if (!opening) return callback(null);
      const closing = opening.then(async (open) => {
        await open.handle({ op: "close" });
        await open.terminate?.();
      });
      opening = null;
      closing.then(
        () => callback(null),
        (error: unknown) => callback(error),
      );
    }
  }
  return { Pool: EmbeddedPool };
}

/** The data folder of an open embedded data source as a tar file. */
export async function dumpEmbedded(dataSource: { driver: unknown }): Promise<Uint8Array> {
  const pool = (dataSource.driver as { master?: { dump?: () => Promise<Uint8Array> } }).master;
  if (!pool?.dump) throw new Error("not an embedded database");
  return pool.dump();
}
