#!/usr/bin/env node
import "reflect-metadata";
import { resolve } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { ConfigError, helpText, loadConfig, wantsHelp } from "./config";
import type { Config } from "./config";
import { createDataSource } from "./db/data-source";
import { restoreImage, startingImage } from "./db/embedded/image";
import { StartupError, isEmpty, migrate, openDatabase, readFactsHorizon } from "./db/startup";
import { assertPortFree } from "./http/port";
import { HubMetrics } from "./http/metrics";
import { todayUtc } from "./core/dates";
import { refreshReporting } from "./modules/reporting";
import { createMetricsServer, createServer } from "./http/server";
import { MemoryState, RedisState } from "./http/shared-state";
import type { SharedState } from "./http/shared-state";
import { poolStats } from "./db/pool";
import { seed2020 } from "./seed/seed";

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

interface Running {
  app: FastifyInstance;
  metricsApp: FastifyInstance | null;
  dataSource: DataSource;
  shared: SharedState;
}

async function sharedState(config: Config, log: Logger, metrics: HubMetrics): Promise<SharedState> {
  if (config.redisUrl === null) return new MemoryState();
  const redis = new RedisState(config.redisUrl, log, (mode) => metrics.sharedState.set(mode === "redis" ? 1 : 0));
  await redis.connect();
  return redis;
}

async function start(config: Config, log: Logger): Promise<Running> {
  const where = describeDatabase(config);
  await assertPortFree(config.port, config.host);
  const dataSource = createDataSource(config.database, {
    statementTimeoutMs: config.limits.timeoutMs,
    embedded: { imageFile: embeddedImage(config, log) },
  });
  await openDatabase(dataSource, where);
  for (const name of await migrate(dataSource)) log.info({ migration: name }, `migration applied: ${name}`);
  if (config.seedIfEmpty && (await isEmpty(dataSource))) {
    log.info("empty database: loading the 2020 facts");
    for (const report of await seed2020(dataSource)) log.info(report, `seeded ${report.table}: inserted ${report.inserted}`);
  }
  const horizon = await readFactsHorizon(dataSource);
  const metrics = new HubMetrics(() => poolStats(dataSource));
  const shared = await sharedState(config, log, metrics);
  // The reporting tables hold the charter's answers for BI tools: refreshed at start, after every write, and once a day.
  const refreshReports = () =>
    refreshReporting(dataSource.manager, todayUtc())
      .then((days) => log.debug({ days }, "reporting tables refreshed"))
      .catch((error: unknown) => log.warn({ err: error }, "reporting tables not refreshed; the next write or day retries"));
  void refreshReports();
  setInterval(() => void refreshReports(), 24 * 3600 * 1000).unref();
  const app = await createServer({
    dataSource,
    logger: log,
    factsCompleteUntil: () => horizon,
    settings: config,
    shared,
    metrics,
    afterWrite: refreshReports,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  let metricsApp: FastifyInstance | null = null;
  if (config.metricsPort !== null) {
    metricsApp = await createMetricsServer(metrics, log);
    const metricsAddress = await metricsApp.listen({ port: config.metricsPort, host: config.host });
    log.info({ url: `${metricsAddress}/metrics` }, `metrics: ${metricsAddress}/metrics`);
  }
  const shown = address.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost");
  log.info({ database: where, factsCompleteUntil: horizon }, `NEAR data hub on ${where}; facts complete until ${horizon}`);
  log.info({ url: `${shown}/graphql` }, `GraphiQL: ${shown}/graphql`);
  return { app, metricsApp, dataSource, shared };
}

function onSignals({ app, metricsApp, dataSource, shared }: Running, graceMs: number, log: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      log.error("in-flight requests did not finish in time; exiting");
      process.exit(1);
    }, graceMs);
    force.unref();
    app
      .close()
      .then(() => metricsApp?.close())
      .then(() => shared.close())
      .then(() => dataSource.destroy())
      .then(() => {
        log.info("stopped");
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** Settings and start-up failures are the operator's to fix: one plain line on stderr, exit 1, no stack. */
function failure(error: unknown): string | null {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") return `${error.message} (choose another PORT)`;
  return null;
}

/**
 * Under load V8 lets the old generation grow to several times the live data between
 * full collections (a hub with 45 MB live held 130 MB of heap, 257 MB resident); a
 * fixed factor keeps it near the live size for a few percent more collection work
 * (docs/BENCHMARKS.md). V8 reads the factor at every collection, so setting it here,
 * after start, takes effect.
 */
function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(helpText());
    return;
  }
  try {
    const config = loadConfig(process.env, argv);
    limitHeapGrowth(config.heapGrowthPercent);
    const log = pino({ level: config.logLevel });
    onSignals(await start(config, log), config.http.shutdownGraceMs, log);
  } catch (error) {
    const line = failure(error);
    if (line === null) throw error;
    console.error(`near-data-hub: ${line}`);
    process.exit(1);
  }
}

void main();
