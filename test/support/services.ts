import pg from "pg";
import type { DataSource } from "typeorm";
import { createTestDataSource } from "./database";
import { QueryCounter } from "./query-counter";

/**
 * The machine's PostgreSQL and Redis, which the `services` project needs (CI starts
 * them; a missing one fails the run). Each test file gets a fresh database copied
 * from a migrated, seeded template that the project's global setup builds.
 */
export const POSTGRES_ADMIN_URL = process.env["SERVICES_POSTGRES_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const REDIS_URL = process.env["SERVICES_REDIS_URL"] ?? "redis://127.0.0.1:6379";
export const TEMPLATE_ENV = "NEAR_SERVICES_TEMPLATE";

export function databaseUrl(database: string, port?: number): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  if (port !== undefined) {
    url.hostname = "127.0.0.1";
    url.port = String(port);
  }
  return url.toString();
}

export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface ServiceDatabase {
  name: string;
  /** A data source on the database, through `port` when given (a fault proxy). */
  open(options?: {
    port?: number;
    statementTimeoutMs?: number;
    poolSize?: number;
    preparedStatements?: boolean;
  }): Promise<{ dataSource: DataSource; counter: QueryCounter }>;
  drop(): Promise<void>;
}

let serial = 0;

/** A fresh copy of the seeded template for one test file. */
export async function freshDatabase(): Promise<ServiceDatabase> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error("the services project's global setup did not run (no template database)");
  const name = `near_svc_${process.pid}_${++serial}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const opened: DataSource[] = [];
  return {
    name,
    async open(options = {}) {
      const counter = new QueryCounter();
      const dataSource = createTestDataSource(
        {
          kind: "postgres",
          url: databaseUrl(name, options.port),
          poolSize: options.poolSize ?? 4,
          ...(options.preparedStatements === undefined ? {} : { preparedStatements: options.preparedStatements }),
        },
        { counter, ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}) },
      );
      await dataSource.initialize();
      opened.push(dataSource);
      return { dataSource, counter };
    },
    async drop() {
      for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy().catch(() => {});
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
