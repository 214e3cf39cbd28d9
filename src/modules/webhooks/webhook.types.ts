import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from "type-graphql";
import type { LiveEventKind } from "../../core/live-event";
import { LiveEventKindType } from "../live";
import { DeliveryStatus } from "./webhook-delivery.entity";
import type { WebhookFilter } from "./webhook.entity";

@InputType("WebhookFilterInput", { description: "Only changes about these; each list narrows, and one left out takes all." })
export class WebhookFilterInput {
  @Field(() => [String], { nullable: true, description: "ISO 3166-1 alpha-2 codes of countries of the graph, such as KR." })
  countries?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Government IDs." })
  governments?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Committee slugs: meetings of these committees." })
  committees?: string[] | null;
}

@InputType("RegisterWebhookInput")
export class RegisterWebhookInput {
  @Field(() => String, { description: "Where deliveries are POSTed: https:// (not this hub itself)." })
  url: string;

  @Field(() => String, { description: "Whose it is, as a person reads it in `webhooks` (say, the partner's name)." })
  label: string;

  @Field(() => [LiveEventKindType], { description: "The changes it wants: at least one." })
  events: LiveEventKindType[];

  @Field(() => WebhookFilterInput, { nullable: true })
  filter?: WebhookFilterInput | null;
}

@InputType("RemoveWebhookInput")
export class RemoveWebhookInput {
  @Field(() => ID)
  webhook: string;

  @Field(() => Int, { description: "The webhook's version as you read it." })
  version: number;
}

@ObjectType("WebhookFilter")
export class WebhookFilterType {
  @Field(() => [String], { nullable: true })
  countries: string[] | null;

  governmentIds: number[] | null;
  committeeIds: number[] | null;
}

@ObjectType("Webhook", { description: "A URL told of committed changes by signed POSTs (ADMIN). Its secret is shown once." })
export class WebhookType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String)
  label: string;

  @Field(() => String)
  url: string;

  @Field(() => [LiveEventKindType])
  events: LiveEventKind[];

  @Field(() => WebhookFilterType)
  filter: WebhookFilterType;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it was removed: nothing is delivered to it since." })
  removedAt: Date | null;
}

@ObjectType("RegisterWebhookSuccess")
export class RegisterWebhookSuccess {
  @Field(() => WebhookType)
  webhook: WebhookType;

  @Field(() => String, {
    description:
      "The signing secret (`whsec_…`), shown this once: verify each delivery's `webhook-signature` with it, as Standard Webhooks describes.",
  })
  secret: string;
}

@ObjectType("RemoveWebhookSuccess")
export class RemoveWebhookSuccess {
  @Field(() => WebhookType)
  webhook: WebhookType;
}

@ObjectType("WebhookDelivery", { description: "One change for one webhook: tried until acknowledged (2xx), or its attempts run out." })
export class WebhookDeliveryType {
  @Field(() => ID, { description: "The event's id: the `webhook-id` header of every attempt, so a receiver drops a repeat." })
  eventId: string;

  @Field(() => LiveEventKindType)
  event: LiveEventKind;

  @Field(() => String, { description: "The mutation that made the change." })
  operation: string;

  @Field(() => GraphQLISODateTime)
  recordedAt: Date;

  webhookId: number;

  @Field(() => DeliveryStatus)
  status: DeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it is tried next, while PENDING." })
  nextAttemptAt: Date | null;

  @Field(() => Int, { nullable: true, description: "The last attempt's HTTP status; null when none came (refused, timed out)." })
  lastStatus: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  deliveredAt: Date | null;
}

export function filterType(filter: WebhookFilter): WebhookFilterType {
  return Object.assign(new WebhookFilterType(), filter);
}
