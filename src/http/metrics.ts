import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type Outcome = "ok" | "error" | "refused" | "timeout" | "unavailable" | "rate_limited" | "cached" | "not_modified";

/** How many distinct operation names get their own label; the rest are `other` (names come from clients). */
const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * The hub's Prometheus metrics, one registry per server (tests start several):
 * requests by operation and outcome, latency, cost, refusals by limit, SQL
 * statements per request, pool use, cache and rate-limit results, shared-state
 * mode, and Node's own (event-loop lag, heap, RSS) from prom-client's defaults.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  readonly requests = new Counter({
    name: "near_graphql_requests_total",
    help: "GraphQL requests by operation name and outcome",
    labelNames: ["operation", "outcome"] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: "near_graphql_request_duration_seconds",
    help: "Time from a GraphQL request's arrival to its answer",
    labelNames: ["outcome"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly cost = new Histogram({
    name: "near_graphql_operation_cost",
    help: "Cost of each operation as the limits price it",
    buckets: [1, 10, 50, 100, 500, 1000, 2500, 5000, 10000, 50000],
    registers: [this.registry],
  });
  readonly refusals = new Counter({
    name: "near_graphql_refusals_total",
    help: "Operations refused before execution, by limit",
    labelNames: ["limit"] as const,
    registers: [this.registry],
  });
  readonly statements = new Histogram({
    name: "near_sql_statements_per_request",
    help: "SQL statements one GraphQL request sent",
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
    registers: [this.registry],
  });
  readonly cache = new Counter({
    name: "near_response_cache_lookups_total",
    help: "Response cache lookups by result",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: "near_rate_limited_total",
    help: "Requests refused with 429",
    registers: [this.registry],
  });
  readonly subscriptions = new Gauge({
    name: "near_live_subscriptions",
    help: "Subscriptions this replica holds open, over WebSocket and Server-Sent Events",
    registers: [this.registry],
  });
  readonly subscribersClosed = new Counter({
    name: "near_live_subscribers_closed_total",
    help: "Subscribers the hub closed, by reason: too slow to read, their key revoked, or their key not checkable (database unavailable)",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });
  readonly sharedState = new Gauge({
    name: "near_shared_state_redis_up",
    help: "1 while Redis holds the shared state, 0 while this process stands in for it (absent without REDIS_URL)",
    registers: [this.registry],
  });

  constructor(poolStats: () => PoolStats | null = () => null) {
    collectDefaultMetrics({ register: this.registry, prefix: "near_" });
    const registry = this.registry;
    for (const key of ["total", "idle", "waiting"] as const) {
      new Gauge({
        name: `near_db_pool_${key}_connections`,
        help: `PostgreSQL pool: ${key} connections (absent on the embedded database)`,
        registers: [registry],
        collect() {
          const stats = poolStats();
          if (stats) this.set(stats[key]);
        },
      });
    }
  }

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "other";
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return "other";
    this.names.add(name);
    return name;
  }

  record(operation: string | null | undefined, outcome: Outcome, seconds: number): void {
    this.requests.inc({ operation: this.operationLabel(operation), outcome });
    this.duration.observe({ outcome }, seconds);
  }
}
