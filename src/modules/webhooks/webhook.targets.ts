import type { EntityManager } from "typeorm";
import { InputError } from "../../core/errors";
import { rootOf } from "../../core/scoped-source";

/** Where a hub lets webhooks point: https anywhere, plain http to this machine only when allowed, never the hub itself. */
interface TargetPolicy {
  allowLoopbackHttp: boolean;
  /** The ports this hub listens on: a loopback URL to one of them would make it call itself. */
  hubPorts: Set<number>;
}

/** Per database (its root data source), as the write gate is: a test may run several hubs in one process. */
const policies = new WeakMap<object, TargetPolicy>();

function policyOf(em: EntityManager): TargetPolicy {
  const root = rootOf(em.connection);
  let policy = policies.get(root);
  if (!policy) {
    policy = { allowLoopbackHttp: false, hubPorts: new Set() };
    policies.set(root, policy);
  }
  return policy;
}

/** What the hub on `em`'s database allows: set at start from WEBHOOK_ALLOW_LOOPBACK_HTTP, and each port once it listens. */
export function allowWebhookTargets(em: EntityManager, settings: { allowLoopbackHttp?: boolean; hubPort?: number }): void {
  const policy = policyOf(em);
  if (settings.allowLoopbackHttp !== undefined) policy.allowLoopbackHttp = settings.allowLoopbackHttp;
  if (settings.hubPort !== undefined) policy.hubPorts.add(settings.hubPort);
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/** The URL a webhook may be registered with, normalised; BAD_USER_INPUT saying what is wrong otherwise. */
export function checkWebhookUrl(em: EntityManager, raw: string, field: string): string {
  const policy = policyOf(em);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError(`${field}: "${raw}" is not a URL such as https://partner.example/near-events`, field);
  }
  if (url.username || url.password)
    throw new InputError(`${field}: a URL must not carry a user or password; the signature authenticates`, field);
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol === "http:" && !(loopback && policy.allowLoopbackHttp)) {
    throw new InputError(
      `${field}: deliveries go by https:// only (plain http:// only to this machine, with WEBHOOK_ALLOW_LOOPBACK_HTTP)`,
      field,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new InputError(`${field}: deliveries go by https:// only`, field);
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (loopback && policy.hubPorts.has(port)) {
    throw new InputError(`${field}: the URL points at this hub itself, which would deliver to itself`, field);
  }
  url.hash = "";
  return url.toString();
}
