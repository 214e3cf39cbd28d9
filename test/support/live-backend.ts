import { MemoryState } from "../../src/http/shared-state";
import type { SharedState } from "../../src/http/shared-state";
import { openTestDatabase } from "./database";
import type { TestDatabase } from "./database";

/**
 * Where the cases that commit run (live-cases.ts, webhook-cases.ts, gateway-cases.ts): a
 * database of their own, and the replicas' shared state. The embedded default in one
 * process here; PostgreSQL and Redis in the services project.
 */
export interface LiveBackend {
  name: string;
  open(): Promise<{ db: TestDatabase; close: () => Promise<void> }>;
  shared(): Promise<SharedState>;
}

export const EMBEDDED_BACKEND: LiveBackend = {
  name: "the embedded database, in one process",
  async open() {
    const db = await openTestDatabase({ ownEmbedded: true });
    return { db, close: () => db.dataSource.destroy() };
  },
  async shared() {
    return new MemoryState();
  },
};
