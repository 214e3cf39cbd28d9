import { WebhookDeliveryResolver, WebhookFilterResolver, WebhookResolver } from "./webhook.resolver";

export { Webhook } from "./webhook.entity";
export { WebhookDelivery } from "./webhook-delivery.entity";
export { allowWebhookTargets } from "./webhook.targets";
export { WebhookWorker, msUntilNextDelivery } from "./webhook.worker";

/** Webhooks for partner sites (docs/live.md). */
export const webhookResolvers = [WebhookResolver, WebhookFilterResolver, WebhookDeliveryResolver] as const;
