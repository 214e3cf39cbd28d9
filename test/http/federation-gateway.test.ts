import { gatewayCases } from "../support/gateway-cases";
import { EMBEDDED_BACKEND } from "../support/live-backend";

/** The gateway on the embedded default (test/services/live.test.ts: on PostgreSQL). */
gatewayCases(EMBEDDED_BACKEND);
