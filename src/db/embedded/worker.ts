/**
 * The embedded database's thread: PGlite (PostgreSQL compiled to WebAssembly) runs
 * here, so a statement's work never blocks the hub's event loop (HTTP, JSON, GraphQL
 * keep answering while it runs). Started by `src/db/embedded/driver.ts`; one request
 * message in, one answer out, in the order they arrive.
 */
import { parentPort, workerData } from "node:worker_threads";
import { errorToData, openEngine } from "./engine";
import type { EngineOptions, EngineRequest } from "./engine";

interface Message {
  id: number;
  request: EngineRequest;
}

const port = parentPort!;
openEngine(workerData as EngineOptions).then(
  (engine) => {
    port.on("message", ({ id, request }: Message) => {
      engine.handle(request).then(
        (result) => port.postMessage({ id, ok: true, result }, result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : []),
        (error: unknown) => port.postMessage({ id, ok: false, error: errorToData(error) }),
      );
    });
    port.postMessage({ ready: true });
  },
  (error: unknown) => port.postMessage({ ready: false, error: errorToData(error) }),
);
