import { EMBEDDED_BACKEND } from "../support/live-backend";
import { subscriptionCases } from "../support/live-cases";

/** Subscriptions on the embedded default, in one process (test/services/live.test.ts: on PostgreSQL and Redis). */
subscriptionCases(EMBEDDED_BACKEND);
