import "reflect-metadata";
import type { FastifyInstance } from "fastify";
import type { DataSource } from "typeorm";
import { ConfigError, helpText, loadConfig, wantsHelp } from "./config";
import type { Config } from "./config";
import { createDataSource } from "./db/data-source";
import { StartupError, isEmpty, openDatabase, readFactsHorizon } from "./db/startup";
import { createServer } from "./http/server";
import { formatSeedReport, seed2020 } from "../seeds/seed";

/** How long in-flight requests get to finish on SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

function describeDatabase(config: Config): string {
  if (config.database.kind === "postgres") {
    const url = new URL(config.database.url);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return config.database.dataDir === null ? "PGlite in memory" : `PGlite in ${config.database.dataDir}`;
}

async function start(config: Config): Promise<{ app: FastifyInstance; dataSource: DataSource }> {
  const where = describeDatabase(config);
  const dataSource = createDataSource(config.database);
  await openDatabase(dataSource, where);
  const applied = await dataSource.runMigrations({ transaction: "each" });
  for (const migration of applied) console.log(`migration applied: ${migration.name}`);
  if (config.seedIfEmpty && (await isEmpty(dataSource))) {
    console.log("empty database: loading the 2020 facts…");
    console.log(formatSeedReport(await seed2020(dataSource)));
  }
  const horizon = await readFactsHorizon(dataSource);
  const app = await createServer({ dataSource, logLevel: config.logLevel, factsCompleteUntil: () => horizon });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace("0.0.0.0", "localhost").replace("127.0.0.1", "localhost");
  console.log(`NEAR data hub on ${where}; facts complete until ${horizon}`);
  console.log(`GraphiQL: ${shown}/graphql`);
  return { app, dataSource };
}

function onSignals(app: FastifyInstance, dataSource: DataSource): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      app.log.error("in-flight requests did not finish in time; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    app
      .close()
      .then(() => dataSource.destroy())
      .then(() => {
        app.log.info("stopped");
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(helpText());
    return;
  }
  try {
    const config = loadConfig(process.env, argv);
    const { app, dataSource } = await start(config);
    onSignals(app, dataSource);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      console.error(`near-data-hub: ${error.message}`);
      process.exit(1);
    }
    if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
      console.error(`near-data-hub: ${error.message} (choose another PORT)`);
      process.exit(1);
    }
    throw error;
  }
}

void main();
