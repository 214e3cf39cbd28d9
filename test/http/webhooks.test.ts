import { EMBEDDED_BACKEND } from "../support/live-backend";
import { webhookCases } from "../support/webhook-cases";

/** Webhooks on the embedded default, in one process (test/services/live.test.ts: on PostgreSQL and Redis). */
webhookCases(EMBEDDED_BACKEND);
