#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=100
import { resolve } from "node:path";
import pino from "pino";
import type { Logger } from "pino";
import { ConfigError, helpText, loadConfig, wantsHelp } from "./config";
import type { Config } from "./config";
import { embeddedEngineOptions, startEmbeddedEngine } from "./db/embedded/driver";
import { restoreImage, startingImage } from "./db/embedded/image";
import { lockDataFolder } from "./db/embedded/folder-lock";
import { StartupError } from "./db/startup-error";
import { assertPortFree } from "./http/port";

function describeDatabase(config: Config): string {
  if (config.database.kind === "postgres") {
    const url = new URL(config.database.url);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return config.database.dataDir === null ? "PGlite in memory" : `PGlite in ${config.database.dataDir}`;
}

/**
 * An empty embedded database starts from the build's image of the migrated, seeded
 * database when this build has a matching one: unpacked into an empty folder here, or
 * returned for PGlite to load when the database lives in memory.
 */
function embeddedImage(config: Config, log: Logger): string | null {
  if (config.database.kind !== "pglite") return null;
  const { dataDir } = config.database;
  const image = startingImage(dataDir, config.seedIfEmpty);
  if (!("file" in image)) {
    log.debug({ reason: image.reason }, "embedded database: no start-up image");
    return null;
  }
  log.info({ image: image.file }, "empty database: starting from the build's image of the migrated, seeded database");
  if (dataDir === null) return image.file;
  restoreImage(image.file, resolve(dataDir));
  return null;
}

/**
 * The hub's log: one JSON object a line for log collectors, or, for a person at a
 * terminal (`LOG_FORMAT=plain`, or `auto` with stdout a terminal), plain lines on stderr
 * (warnings and errors unless `LOG_LEVEL` asks for more) and the one start-up line
 * `serve.ts` returns, which main prints.
 */
function hubLogger(config: Config): { log: Logger; plain: boolean } {
  const plain = config.logFormat === "plain" || (config.logFormat === "auto" && process.stdout.isTTY === true);
  const level = config.logLevel ?? (plain ? "warn" : "info");
  if (!plain) return { log: pino({ level }), plain };
  const stream = {
    write(line: string) {
      const record = JSON.parse(line) as { level: number; msg?: string; err?: { message?: string } };
      const detail = record.err?.message ? ` (${record.err.message})` : "";
      process.stderr.write(`${pino.levels.labels[record.level] ?? "log"}: ${record.msg ?? ""}${detail}\n`);
    },
  };
  return { log: pino({ level }, stream), plain };
}

/** Settings and start-up failures are the operator's to fix: one plain line on stderr, exit 1, no stack. */
function failure(error: unknown): string | null {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") return `${error.message} (choose another PORT)`;
  return null;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(helpText());
    return;
  }
  try {
    const config = loadConfig(process.env, argv);
    const { log, plain } = hubLogger(config);
    await assertPortFree(config.port, config.host);
    // One process owns an embedded data folder: a second hub or a CLI on it stops here, before reading anything.
    const lock =
      config.database.kind === "pglite" && config.database.dataDir !== null ? lockDataFolder(config.database.dataDir, "hub") : null;
    const imageFile = embeddedImage(config, log);
    // The embedded database's thread starts now, and loads PGlite while this one loads the rest of the hub.
    if (config.database.kind === "pglite") {
      await startEmbeddedEngine(embeddedEngineOptions(config.database.dataDir, imageFile));
    }
    const { start, onSignals } = await import("./serve.js");
    const hub = await start(config, log, describeDatabase(config), imageFile, lock);
    onSignals(hub, config.http.shutdownGraceMs, log);
    hub.announce();
    if (plain) console.log(hub.summary);
  } catch (error) {
    const line = failure(error);
    if (line === null) throw error;
    console.error(`near-data-hub: ${line}`);
    process.exit(1);
  }
}

void main();
