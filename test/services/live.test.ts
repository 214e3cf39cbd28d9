import { randomUUID } from "node:crypto";
import { gatewayCases } from "../support/gateway-cases";
import { RedisState } from "../../src/http/redis-state";
import type { LiveBackend } from "../support/live-backend";
import { subscriptionCases } from "../support/live-cases";
import { silentLogger } from "../support/logger";
import { REDIS_URL, freshDatabase } from "../support/services";
import { webhookCases } from "../support/webhook-cases";

/**
 * The subscription and webhook cases on a fresh PostgreSQL database, their events
 * through Redis pub/sub; and a partner's gateway over the hub on PostgreSQL.
 */
const SERVICES_BACKEND: LiveBackend = {
  name: "PostgreSQL and Redis",
  async open() {
    const database = await freshDatabase();
    const { dataSource, counter } = await database.open();
    return { db: { dataSource, counter }, close: () => database.drop() };
  },
  async shared() {
    // A prefix of its own: the machine's Redis may serve others.
    const shared = new RedisState(REDIS_URL, silentLogger(), undefined, `near-live-${randomUUID()}:`);
    await shared.connect();
    return shared;
  },
};

subscriptionCases(SERVICES_BACKEND);
webhookCases(SERVICES_BACKEND);
gatewayCases(SERVICES_BACKEND);
