import { afterAll, beforeAll } from "vitest";
import type { FastifyInstance } from "fastify";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { createServer } from "../../src/http/server";
import { openTestDatabase } from "./database";
import { HubMetrics } from "../../src/http/metrics";
import type { TestDatabase } from "./database";
import { silentLogger } from "./logger";
import { testSettings } from "./settings";

/** Debian's Chromium; never a browser downloaded by Playwright (there is no internet here). */
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/** Headless Chromium with no background networking (the machine's closed network refuses it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

export interface BrowserHub {
  db: TestDatabase;
  app: FastifyInstance;
  /** Where the hub listens, e.g. http://127.0.0.1:41234. */
  origin: string;
  browser: Browser;
  /** The hub's metrics: its gauge of subscriptions tells when one is held. */
  metrics: HubMetrics;
}

/**
 * A file's hub on its own database, listening on a free loopback port, and Chromium
 * to drive it; closed after the file's tests. `now` fixes "today" where a test needs it.
 */
export function useBrowserHub(options: { now?: () => Date } = {}): () => BrowserHub {
  let hub: BrowserHub | undefined;
  beforeAll(async () => {
    const db = await openTestDatabase();
    const metrics = new HubMetrics();
    const app = await createServer({
      dataSource: db.dataSource,
      metrics,
      logger: silentLogger(),
      settings: testSettings(),
      factsCompleteUntil: () => "2020-12-31",
      ...(options.now ? { now: options.now } : {}),
    });
    const origin = (await app.listen({ port: 0, host: "127.0.0.1" })).replace("[::1]", "127.0.0.1");
    hub = { db, app, origin, metrics, browser: await launchChromium() };
  });
  afterAll(async () => {
    await hub?.browser.close();
    await hub?.app.close();
    await hub?.db.dataSource.destroy();
  });
  return () => hub!;
}
