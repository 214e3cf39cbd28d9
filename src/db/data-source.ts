import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { DataSource } from "typeorm";
import type { Logger } from "typeorm";
import { PGliteDriver } from "typeorm-pglite";
import type { DatabaseConfig } from "../config";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "../../migrations";
import { SnakeNamingStrategy } from "./naming";

const DATE_OID = 1082;
// Calendar dates stay ISO strings: parsing them into JS Dates would shift them by the
// process's time zone.
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export interface DataSourceOptions {
  logger?: Logger;
  /** PGlite only: start from this snapshot of a data folder (a `dumpDataDir` tarball) instead of an empty one. */
  pgliteSnapshot?: Blob;
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
    migrations: MIGRATIONS,
    migrationsTableName: "typeorm_migration",
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    ...(options.logger ? { logger: options.logger } : {}),
  };
  if (config.kind === "postgres") {
    return new DataSource({
      ...common,
      url: config.url,
      poolSize: config.poolSize,
      extra: { connectionTimeoutMillis: 5000, application_name: "near-data-hub" },
    });
  }
  let dataDir: string | undefined;
  if (config.dataDir !== null) {
    dataDir = resolve(config.dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  const driver = new PGliteDriver({
    ...(dataDir ? { dataDir } : {}),
    ...(options.pgliteSnapshot ? { loadDataDir: options.pgliteSnapshot } : {}),
    parsers: { [DATE_OID]: (value: string) => value },
  }).driver;
  return new DataSource({ ...common, driver });
}
