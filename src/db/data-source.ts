import "reflect-metadata";
import { join } from "node:path";
import * as pgTypes from "pg-types";
import { DataSource } from "typeorm";
import type { Logger, MixedList } from "typeorm";
import type { DatabaseConfig } from "../config";
import { embeddedDriver, embeddedEngineOptions } from "./embedded/driver";
import { ENTITIES } from "./entities";
import { SnakeNamingStrategy } from "./naming";
import { DATE_OID, keepIsoDate } from "./type-parsers";
import { guardStatements } from "./request-scope";

pgTypes.setTypeParser(DATE_OID, keepIsoDate);

/**
 * The compiled migrations beside the build: `dist/migrations/<timestamp>-<Name>.js`
 * seen from `dist/src/db/`. They are loaded by path, not imported, so `src/` depends
 * on nothing outside itself and a packed build carries them as files. (`index.js`
 * lists the same classes for tests and scripts; the pattern skips it.)
 */
const BUILT_MIGRATIONS = join(__dirname, "..", "..", "migrations", "[0-9]*-*.js");

export interface DataSourceOptions {
  logger?: Logger;
  /** Migration classes or file patterns; default: the built migrations. */
  migrations?: MixedList<Function | string>;
  /**
   * The embedded database: start an empty one from a data-folder image (a tar file of a
   * migrated, seeded database), and whether PGlite runs in a worker thread (default) or
   * in this one.
   */
  embedded?: { imageFile?: string | null; worker?: boolean };
  /**
   * PostgreSQL ends any statement running longer (and the client gives up on one whose
   * answer takes a second more, for a server that no longer answers): the operation
   * deadline, so no statement outlives its request.
   */
  statementTimeoutMs?: number;
}

/**
 * The data source for a configuration: PGlite in a folder (or in memory) by default,
 * PostgreSQL through `pg` with a pool when a URL is given. Same entities, same
 * migrations; `synchronize` is never on.
 */
export function createDataSource(config: DatabaseConfig, options: DataSourceOptions = {}): DataSource {
  const common = {
    type: "postgres" as const,
    entities: ENTITIES,
    migrations: options.migrations ?? [BUILT_MIGRATIONS],
    migrationsTableName: "typeorm_migration",
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    ...(options.logger ? { logger: options.logger } : {}),
  };
  if (config.kind === "postgres") {
    return guarded(
      new DataSource({
        ...common,
        url: config.url,
        poolSize: config.poolSize,
        extra: {
          connectionTimeoutMillis: 5000,
          application_name: "near-data-hub",
          ...(options.statementTimeoutMs
            ? { statement_timeout: options.statementTimeoutMs, query_timeout: options.statementTimeoutMs + 1000 }
            : {}),
        },
      }),
      { prepareStatements: config.preparedStatements ?? true },
    );
  }
  const engine = embeddedEngineOptions(config.dataDir, options.embedded?.imageFile ?? null);
  const driver = embeddedDriver({ ...engine, worker: options.embedded?.worker ?? true });
  return guarded(new DataSource({ ...common, driver }), { prepareStatements: false });
}

function guarded(dataSource: DataSource, options: { prepareStatements: boolean }): DataSource {
  guardStatements(dataSource, options);
  return dataSource;
}
