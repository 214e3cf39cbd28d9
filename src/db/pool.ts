import type { DataSource } from "typeorm";

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The PostgreSQL pool's use, for metrics; null on the embedded database (one session, no pool). */
export function poolStats(dataSource: DataSource): { total: number; idle: number; waiting: number } | null {
  if (!dataSource.isInitialized) return null;
  const pool = (dataSource.driver as { master?: Partial<PgPool> }).master;
  if (typeof pool?.totalCount !== "number") return null;
  return { total: pool.totalCount, idle: pool.idleCount ?? 0, waiting: pool.waitingCount ?? 0 };
}
