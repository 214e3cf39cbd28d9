import type { Config } from "../../src/config";
import { loadConfig } from "../../src/config";
import type { ServingSettings } from "../../src/http/server";

export interface Overrides {
  limits?: Partial<ServingSettings["limits"]>;
  http?: Partial<ServingSettings["http"]>;
  /** Null: rate limits off. */
  rateLimit?: Partial<NonNullable<ServingSettings["rateLimit"]>> | null;
  cacheMaxAgeSeconds?: number;
  introspection?: boolean;
  exportRowLimits?: ServingSettings["exportRowLimits"];
  calendarYearsAhead?: number;
  webhooks?: Partial<ServingSettings["webhooks"]>;
}

/** The hub's default serving settings (as with no configuration), with some replaced for a test. */
export function testSettings(overrides: Overrides = {}, env: Record<string, string> = {}): ServingSettings {
  const defaults: Config = loadConfig(env, []);
  return {
    limits: { ...defaults.limits, ...overrides.limits },
    http: { ...defaults.http, ...overrides.http },
    rateLimit: overrides.rateLimit === null ? null : defaults.rateLimit && { ...defaults.rateLimit, ...overrides.rateLimit },
    cacheMaxAgeSeconds: overrides.cacheMaxAgeSeconds ?? defaults.cacheMaxAgeSeconds,
    introspection: overrides.introspection ?? defaults.introspection,
    exportRowLimits: overrides.exportRowLimits ?? defaults.exportRowLimits,
    calendarYearsAhead: overrides.calendarYearsAhead ?? defaults.calendarYearsAhead,
    webhooks: { ...defaults.webhooks, ...overrides.webhooks },
  };
}
