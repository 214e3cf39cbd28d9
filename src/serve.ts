/**
 * The hub's start-up past its settings: the database, the servers and the signals.
 * Loaded by main once the embedded database's engine is starting, so loading these
 * modules (most of a warm start's time) runs beside it.
 */
import "reflect-metadata";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { Config } from "./config";
import { createDataSource } from "./db/data-source";
import { decideUnrecordedSittings, isEmpty, migrate, openDatabase, readFactsHorizon } from "./db/startup";
import { calendarFor } from "./charter";
import { HubMetrics } from "./http/metrics";
import { todayUtc } from "./core/dates";
import { LIVE_CHANNEL, parseLiveEvent } from "./core/live-event";
import { refreshReporting } from "./modules/reporting";
import { buildStamp } from "./core/build-stamp";
import { readCountryCodes } from "./modules/country";
import { readNameCollations } from "./core/collation";
import { createMetricsServer, createServer } from "./http/server";
import { ConnectionGate } from "./http/connection-gate";
import { trustsPeer } from "./http/trust";
import { MemoryState } from "./http/shared-state";
import type { SharedState } from "./http/shared-state";
import { poolStats } from "./db/pool";
import { seed2020 } from "./seed/seed";
import { serveAdminSocket } from "./http/admin-socket";
import { guardStorage, storageGuardOf } from "./core/storage-guard";
import { dumpEmbedded } from "./db/embedded/driver";
import { WebhookWorker } from "./modules/webhooks";
import { adminSocketOf } from "./db/embedded/folder-lock";
import type { FolderLock } from "./db/embedded/folder-lock";

export interface Running {
  app: FastifyInstance;
  /** The listening socket and every connection it admitted. */
  gate: ConnectionGate;
  metricsApp: FastifyInstance | null;
  /** The CLIs' door to an embedded data folder this hub owns (src/http/admin-socket.ts); null otherwise. */
  adminApp: FastifyInstance | null;
  dataSource: DataSource;
  shared: SharedState;
  /** Delivers webhooks; stopped before the database closes. */
  webhooks: WebhookWorker;
  /** The one line a person at a terminal reads: where GraphiQL is, the database, the facts horizon. */
  summary: string;
  /** Logs that the hub serves: called once its signals are handled, so a caller that waits for the line may stop it. */
  announce: () => void;
}

async function sharedState(config: Config, log: Logger, metrics: HubMetrics): Promise<SharedState> {
  if (config.redisUrl === null) return new MemoryState();
  // Loaded only here: a hub without Redis never loads ioredis.
  const { RedisState } = await import("./http/redis-state.js");
  const redis = new RedisState(
    config.redisUrl,
    log,
    (mode) => metrics.sharedState.set(mode === "redis" ? 1 : 0),
    undefined,
    config.redisTimeoutMs,
  );
  await redis.connect();
  return redis;
}

/**
 * Opens, migrates and seeds the database, then serves. `imageFile`: the start-up image
 * an in-memory embedded database loads (see main); main has already started its engine.
 */
export async function start(
  config: Config,
  log: Logger,
  where: string,
  imageFile: string | null,
  lock: FolderLock | null = null,
): Promise<Running> {
  const dataSource = createDataSource(config.database, { statementTimeoutMs: config.limits.timeoutMs, embedded: { imageFile } });
  await openDatabase(dataSource, where);
  for (const name of await migrate(dataSource)) log.info({ migration: name }, `migration applied: ${name}`);
  if (config.seedIfEmpty && (await isEmpty(dataSource))) {
    log.info("empty database: loading the 2020 facts");
    for (const report of await seed2020(dataSource)) log.info(report, `seeded ${report.table}: inserted ${report.inserted}`);
  }
  if (config.database.kind === "pglite" && config.database.dataDir !== null) {
    const folder = config.database.dataDir;
    await guardStorage(dataSource, folder, config.database.diskReserveBytes ?? 0, (full) =>
      full
        ? log.error({ folder }, "the data folder's disk is full: writes are refused until space is freed")
        : log.info("the data folder's disk has room again: writes are accepted"),
    );
  }
  let horizon = await readFactsHorizon(dataSource);
  await readCountryCodes(dataSource.manager);
  await readNameCollations(dataSource.manager);
  const decided = await decideUnrecordedSittings(dataSource, calendarFor(horizon, todayUtc(), config.calendarYearsAhead));
  if (decided > 0) log.info({ meetings: decided }, `decided ${decided} sittings recorded before decisions were kept`);
  const metrics = new HubMetrics(() => poolStats(dataSource));
  const shared = await sharedState(config, log, metrics);
  // Any replica's write may move the facts horizon: each hears it, as subscribers do.
  shared.listen(LIVE_CHANNEL, (message) => {
    const moved = parseLiveEvent(message);
    if (moved?.kind === "factsHorizonMoved" && moved.factsCompleteUntil !== undefined && moved.factsCompleteUntil > horizon) {
      horizon = moved.factsCompleteUntil;
      log.info({ factsCompleteUntil: horizon }, `facts complete until ${horizon}`);
    }
  });
  // The reporting tables hold the charter's answers for BI tools: refreshed at start, after every write, and once a day;
  // a refresh with nothing new (the same facts, calendar and build) keeps them, so a restart does not recompute.
  const build = buildStamp();
  const refreshReports = async () => {
    // The reporting tables are rewritten whole: on a full disk they wait for room.
    if (storageGuardOf(dataSource)?.full()) return;
    await refreshReporting(dataSource.manager, { today: todayUtc(), yearsAhead: config.calendarYearsAhead, build })
      .then((answered) => log.debug({ answered }, "reporting tables refreshed"))
      .catch((error: unknown) => log.warn({ err: error }, "reporting tables not refreshed; the next write or day retries"));
  };
  void refreshReports();
  setInterval(() => void refreshReports(), 24 * 3600 * 1000).unref();
  let gate: ConnectionGate | null = null;
  const app = await createServer({
    dataSource,
    logger: log,
    factsCompleteUntil: () => horizon,
    settings: config,
    shared,
    metrics,
    afterWrite: refreshReports,
    closing: () => gate?.closing ?? false,
  });
  await app.ready();
  // The gate owns the listening socket (src/http/connection-gate.ts): what one client may hold, and what SIGTERM does.
  gate = new ConnectionGate(
    app.server,
    {
      maxConnections: config.http.maxConnections,
      maxPerAddress: config.http.maxConnectionsPerAddress,
      headersTimeoutMs: config.http.headersTimeoutMs,
      requestTimeoutMs: config.http.requestTimeoutMs,
      isTrustedPeer: trustsPeer(config.http.trustProxy),
    },
    log,
  );
  const listening = await gate.listen(config.port, config.host);
  const address = `http://${listening.family === "IPv6" ? `[${listening.address}]` : listening.address}:${listening.port}`;
  log.info({ url: address }, `listening at ${address}`);
  let metricsApp: FastifyInstance | null = null;
  if (config.metricsPort !== null) {
    metricsApp = await createMetricsServer(metrics, log);
    const metricsAddress = await metricsApp.listen({ port: config.metricsPort, host: config.host });
    log.info({ url: `${metricsAddress}/metrics` }, `metrics: ${metricsAddress}/metrics`);
  }
  let adminApp: FastifyInstance | null = null;
  if (lock !== null && config.database.kind === "pglite" && config.database.dataDir !== null) {
    const path = adminSocketOf(config.database.dataDir);
    try {
      adminApp = await serveAdminSocket({ path, dataSource, logger: log, dumpDatabase: () => dumpEmbedded(dataSource) });
      lock.announce(path);
      log.debug({ socket: path }, `admin socket for npm run keys and backup: ${path}`);
    } catch (error) {
      // The hub serves without it; `npm run keys` then says it cannot reach the hub.
      log.warn({ err: error, socket: path }, "no admin socket: npm run keys and backup cannot reach this hub");
    }
  }
  const shown = address.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost");
  // Webhooks: delivered from the outbox each write fills; a committed change, here or on another replica, wakes the worker.
  const webhooks = new WebhookWorker(dataSource.manager, config.webhooks, log);
  await webhooks.start({ ownsDatabase: config.database.kind === "pglite" });
  shared.listen(LIVE_CHANNEL, () => webhooks.poke());
  const announce = () => {
    log.info({ database: where, factsCompleteUntil: horizon }, `NEAR data hub on ${where}; facts complete until ${horizon}`);
    log.info({ url: `${shown}/graphql` }, `GraphiQL: ${shown}/graphql`);
  };
  const summary = `NEAR data hub: ${shown}/graphql · ${where} · facts complete until ${horizon}`;
  return { app, gate, metricsApp, adminApp, dataSource, shared, webhooks, summary, announce };
}

export function onSignals({ app, gate, metricsApp, adminApp, dataSource, shared, webhooks }: Running, graceMs: number, log: Logger): void {
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
    // Subscriptions first (their clients reconnect elsewhere), then the gate: what the kernel accepted is read and
    // answered; then the server and what it holds.
    app
      .closeSubscriptions()
      .then(() => gate.drain())
      .then(() => app.close())
      .then(() => metricsApp?.close())
      .then(() => adminApp?.close())
      .then(() => webhooks.stop())
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
