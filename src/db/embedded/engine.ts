import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readFileWhole } from "./whole-read";
import { SessionStatements } from "./wire";

/** Where the embedded database lives and how it starts. Plain data: it crosses to a worker thread. */
export interface EngineOptions {
  /** The data folder; null keeps the database in memory. */
  dataDir: string | null;
  /** A data-folder image (a tar file from `dumpDataDir`) to start from instead of an empty database. */
  imageFile?: string | null;
}

/** What the driver asks of an engine, in the thread that holds PGlite or across to it. */
export type EngineRequest =
  | { op: "query"; sql: string; params: unknown[] }
  | { op: "exec"; sql: string }
  | { op: "dump" }
  | { op: "close" };

/**
 * PostgreSQL's start-up parameters for PGlite, PGlite's own defaults plus three:
 * - a small shared buffer pool: PGlite zeroes the whole pool in its WebAssembly memory
 *   at start, and the default is resident from then on, though the facts with their
 *   catalogs fit many times over in the pool set here; throughput does not change;
 * - no bitmap scans: a bitmap heap scan, like a sequential one, asks the table's size
 *   each time it runs, which Emscripten's file system answers with an `fstat` of the
 *   file (most of PGlite's thread on a nested query, where the child lists' sub-queries
 *   run once per parent); a plain index scan does not ask. (Sequential scans stay:
 *   forbidding them made every query slower.)
 * - named statements planned once (as on PostgreSQL, `src/db/prepared-statements.ts`):
 *   left to choose, the engine planned the keyed read of one government anew at every
 *   call.
 */
const START_PARAMS = [
  "--single",
  "-F",
  "-O",
  "-j",
  "-c",
  "search_path=public",
  "-c",
  "exit_on_error=false",
  "-c",
  "log_checkpoints=false",
  "-c",
  "max_worker_processes=0",
  "-c",
  "max_parallel_workers=0",
  "-c",
  "max_parallel_workers_per_gather=0",
  "-c",
  "io_method=sync",
  "-c",
  "max_parallel_maintenance_workers=0",
  "-c",
  "shared_buffers=8MB",
  "-c",
  "enable_bitmapscan=off",
  "-c",
  "plan_cache_mode=force_generic_plan",
];

/**
 * An engine: PGlite answering the driver's requests one at a time. A statement's
 * answer is PostgreSQL's answer as bytes (`readAnswer` reads it where the hub runs,
 * not in PGlite's thread); a dump the data folder's tar file.
 */
export interface Engine {
  handle(request: EngineRequest): Promise<Uint8Array | null>;
}

/** PostgreSQL compiled to WebAssembly, as PGlite ships it. */
const ENGINE_FILE = join(dirname(require.resolve("@electric-sql/pglite")), "pglite.wasm");

/** Node's `WebAssembly` (a global @types/node 20 does not declare): what this file calls of it. */
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } };

/**
 * Where the compiled engine is kept: on the thread's global object, not in this
 * module, because a test runner evaluates this module anew for each test file while
 * the thread (and PGlite, loaded from node_modules) stays: kept here, the engine was
 * compiled again for every file.
 */
const COMPILED_ENGINE = Symbol.for("near-data-hub.compiled-pglite-engine");

/**
 * The engine compiled once per thread (the test suite opens hundreds of databases in
 * one), here rather than by PGlite: PGlite reads the file into a block that, freed
 * once compiled, raised malloc's threshold for the rest of the process (`readFileWhole`).
 */
function engineModule(): Promise<object> {
  const holder = globalThis as { [COMPILED_ENGINE]?: Promise<object> };
  holder[COMPILED_ENGINE] ??= wasm.compile(readFileWhole(ENGINE_FILE));
  return holder[COMPILED_ENGINE];
}

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const image = options.imageFile
    ? new Blob([readFileSync(options.imageFile)], { type: options.imageFile.endsWith(".gz") ? "application/x-gzip" : "application/x-tar" })
    : undefined;
  // Loaded here, not at the top: the hub's thread imports this module for its types and
  // error mapping, and PGlite (half a MB of code kept in the heap) runs only in its own.
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(image ? { loadDataDir: image } : {}),
    pgliteWasmModule: await engineModule(),
    startParams: START_PARAMS,
  });
  /**
   * One exchange of messages with the session. The stream form hands over PGlite's
   * output bytes as they come instead of parsing them with its own reader first.
   */
  const exchange = async (message: Uint8Array): Promise<Uint8Array> => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    // Copied: a chunk is a view of the engine's memory, reused by the next write.
    await db.execProtocolRawStream(message, {
      onRawData: (chunk) => {
        chunks.push(chunk.slice());
        length += chunk.length;
      },
    });
    if (chunks.length === 1) return chunks[0];
    // One buffer of its own (never Node's shared pool): the worker hands it over to the hub's thread without a copy.
    const answer = new Uint8Array(length);
    let offset = 0;
    for (const chunk of chunks) {
      answer.set(chunk, offset);
      offset += chunk.length;
    }
    return answer;
  };
  const statements = new SessionStatements();
  const run = async (sql: string, params: readonly unknown[] | null): Promise<Uint8Array> => {
    const { bytes, learn } = statements.messages(sql, params);
    const answer = await exchange(bytes);
    learn(answer);
    return answer;
  };
  const handle = async (request: EngineRequest): Promise<Uint8Array | null> => {
    switch (request.op) {
      case "query":
        return run(request.sql, request.params);
      case "exec":
        return run(request.sql, null);
      case "dump": {
        const tarball = await db.dumpDataDir("none");
        return new Uint8Array(await tarball.arrayBuffer());
      }
      case "close":
        await db.close();
        return null;
    }
  };
  // One request at a time, in the order they came: each is a whole exchange with the one session.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    handle(request) {
      const answer = previous.then(() => handle(request));
      previous = answer.catch(() => {});
      return answer;
    },
  };
}

/** An engine's error as plain data, with PostgreSQL's fields (code, detail, constraint…) kept for the hub's error mapping. */
export function errorToData(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error), name: "Error" };
  return { ...Object.fromEntries(Object.entries(error)), message: error.message, name: error.name };
}

/** The error again on the driver's side, with the same fields as PGlite's own. */
export function errorFromData(data: Record<string, unknown>): Error {
  return Object.assign(new Error(String(data["message"])), data);
}
