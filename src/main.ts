#!/usr/bin/env node
import "reflect-metadata";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import { ConfigError, helpText, loadConfig, wantsHelp } from "./config";
import type { Config } from "./config";
import { createDataSource } from "./db/data-source";
import { StartupError, isEmpty, migrate, openDatabase, readFactsHorizon } from "./db/startup";
import { assertPortFree } from "./http/port";
import { createServer } from "./http/server";
import { seed2020 } from "./seed/seed";

/** How long in-flight requests get to finish on SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

function describeDatabase(config: Config): string {
  if (config.database.kind === "postgres") {
    const url = new URL(config.database.url);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return config.database.dataDir === null ? "PGlite in memory" : `PGlite in ${config.database.dataDir}`;
}

async function start(config: Config, log: Logger): Promise<{ app: FastifyInstance; dataSource: DataSource }> {
  const where = describeDatabase(config);
  await assertPortFree(config.port, config.host);
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource, where);
  for (const name of await migrate(dataSource)) log.info({ migration: name }, `migration applied: ${name}`);
  if (config.seedIfEmpty && (await isEmpty(dataSource))) {
    log.info("empty database: loading the 2020 facts");
    for (const report of await seed2020(dataSource)) log.info(report, `seeded ${report.table}: inserted ${report.inserted}`);
  }
  const horizon = await readFactsHorizon(dataSource);
  const app = await createServer({ dataSource, logger: log, factsCompleteUntil: () => horizon });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost");
  log.info({ database: where, factsCompleteUntil: horizon }, `NEAR data hub on ${where}; facts complete until ${horizon}`);
  log.info({ url: `${shown}/graphql` }, `GraphiQL: ${shown}/graphql`);
  return { app, dataSource };
}

function onSignals(app: FastifyInstance, dataSource: DataSource, log: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      log.error("in-flight requests did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app
      .close()
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

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(helpText());
    return;
  }
  try {
    const config = loadConfig(process.env, argv);
    const log = pino({ level: config.logLevel });
    const { app, dataSource } = await start(config, log);
    onSignals(app, dataSource, log);
  } catch (error) {
    const line = failure(error);
    if (line === null) throw error;
    console.error(`near-data-hub: ${line}`);
    process.exit(1);
  }
}

void main();
