import { Redis } from "ioredis";
import { seed2020 } from "../../src/seed/seed";
import { createTestDataSource } from "./database";
import { POSTGRES_ADMIN_URL, REDIS_URL, TEMPLATE_ENV, admin, databaseUrl } from "./services";

/**
 * The services project's global setup: PostgreSQL and Redis must answer (a missing
 * service fails the run, never skips it), and one migrated, seeded template database
 * is built for the files to copy.
 */
export async function setup(): Promise<() => Promise<void>> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (start it: redis-server --daemonize yes): ${String(error)}`);
  } finally {
    redis.disconnect();
  }
  const template = `near_svc_template_${process.pid}`;
  try {
    await admin((client) => client.query(`CREATE DATABASE ${template}`));
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: ${String(error)}`);
  }
  const dataSource = createTestDataSource({ kind: "postgres", url: databaseUrl(template), poolSize: 2 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await seed2020(dataSource);
  await dataSource.destroy();
  process.env[TEMPLATE_ENV] = template;
  return async () => {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
}
