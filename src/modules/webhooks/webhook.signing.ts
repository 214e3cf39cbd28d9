import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks (https://www.standardwebhooks.com): each delivery is signed with
 * HMAC-SHA256 over `${id}.${timestamp}.${body}`, keyed by the base64 after the
 * secret's `whsec_`, and sent as `webhook-signature: v1,<base64>`.
 */
const SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

/** The three headers of a delivery: the event's id (the same on every retry), the attempt's time, its signature. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}

/** Longest wait between two attempts. */
const MAX_RETRY_MS = 6 * 3600 * 1000;

/** The wait after failed attempt `attempt` (1 for the first): `baseMs`, then 4 times longer each time, at most six hours. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(MAX_RETRY_MS, baseMs * 4 ** (attempt - 1));
}
