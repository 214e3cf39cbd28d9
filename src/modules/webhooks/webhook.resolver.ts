import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { InputError } from "../../core/errors";
import { integerKeyOf } from "../../core/node";
import { LiveEventRecord, mutationResult, runMutation } from "../access";
import { Committee, committeeById } from "../committee";
import { Government, governmentById } from "../government";
import { DeliveryStatus, WebhookDelivery } from "./webhook-delivery.entity";
import { Webhook } from "./webhook.entity";
import { webhookById } from "./webhook.loader";
import {
  RegisterWebhookInput,
  RegisterWebhookSuccess,
  RemoveWebhookInput,
  RemoveWebhookSuccess,
  WebhookDeliveryType,
  WebhookFilterType,
  WebhookType,
} from "./webhook.types";
import { registerWebhook, removeWebhook, shownWebhook } from "./webhook.writes";

const RegisterWebhookResult = mutationResult("RegisterWebhook", RegisterWebhookSuccess);
const RemoveWebhookResult = mutationResult("RemoveWebhook", RemoveWebhookSuccess);

/** Most deliveries one `webhookDeliveries` answers. */
const MAX_DELIVERIES = 500;

/** Webhooks for partner sites (ADMIN): registered, removed, and what became of each delivery (docs/live.md). */
@Resolver()
export class WebhookResolver {
  @Authorized("ADMIN")
  @Query(() => [WebhookType], { description: "Every webhook, removed ones too, oldest first (ADMIN). Secrets are never shown again." })
  async webhooks(@Ctx() ctx: RequestContext): Promise<WebhookType[]> {
    return (await ctx.em.getRepository(Webhook).find({ order: { id: "ASC" } })).map(shownWebhook);
  }

  @Authorized("ADMIN")
  @Query(() => [WebhookDeliveryType], { description: "Deliveries, newest first (ADMIN): of one webhook, in one status, or all." })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg("webhook", () => ID, { nullable: true }) webhook?: string | null,
    @Arg("status", () => DeliveryStatus, { nullable: true }) status?: DeliveryStatus | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<WebhookDeliveryType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DELIVERIES) {
      throw new InputError(`first must be 1 to ${MAX_DELIVERIES}, got ${first}`, "first");
    }
    const query = ctx.em
      .getRepository(WebhookDelivery)
      .createQueryBuilder("delivery")
      .innerJoin(LiveEventRecord, "event", "event.id = delivery.event_id")
      .select([
        "delivery.event_id AS event_id",
        "delivery.webhook_id AS webhook_id",
        "delivery.status AS status",
        "delivery.attempts AS attempts",
        "delivery.next_attempt_at AS next_attempt_at",
        "delivery.last_status AS last_status",
        "delivery.last_error AS last_error",
        "delivery.delivered_at AS delivered_at",
        "event.kind AS kind",
        "event.operation AS operation",
        "event.recorded_at AS recorded_at",
      ])
      .orderBy("delivery.id", "DESC")
      .limit(first);
    if (webhook) query.andWhere("delivery.webhook_id = :webhook", { webhook: integerKeyOf(webhook, "Webhook", "webhook") });
    if (status) query.andWhere("delivery.status = :status", { status });
    const rows = await query.getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      eventId: row["event_id"] as string,
      event: row["kind"] as WebhookDeliveryType["event"],
      operation: row["operation"] as string,
      recordedAt: new Date(row["recorded_at"] as string),
      webhookId: row["webhook_id"] as number,
      status: row["status"] as DeliveryStatus,
      attempts: Number(row["attempts"]),
      nextAttemptAt: row["status"] === DeliveryStatus.PENDING ? new Date(row["next_attempt_at"] as string) : null,
      lastStatus: row["last_status"] === null ? null : Number(row["last_status"]),
      lastError: row["last_error"] as string | null,
      deliveredAt: row["delivered_at"] === null ? null : new Date(row["delivered_at"] as string),
    }));
  }

  @Authorized("ADMIN")
  @Mutation(() => RegisterWebhookResult, {
    description: "Registers a URL for signed POSTs of committed changes (ADMIN) and shows its signing secret this once.",
  })
  registerWebhook(
    @Arg("input", () => RegisterWebhookInput) input: RegisterWebhookInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof RegisterWebhookResult> {
    return runMutation(ctx, "registerWebhook", input, (uow) => registerWebhook(uow, input));
  }

  @Authorized("ADMIN")
  @Mutation(() => RemoveWebhookResult, { description: "Removes a webhook (ADMIN): nothing more is delivered to it." })
  removeWebhook(
    @Arg("input", () => RemoveWebhookInput) input: RemoveWebhookInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof RemoveWebhookResult> {
    return runMutation(ctx, "removeWebhook", input, (uow) => removeWebhook(uow, input));
  }
}

@Resolver(() => WebhookFilterType)
export class WebhookFilterResolver {
  @FieldResolver(() => [Government], { nullable: true })
  async governments(@Root() filter: WebhookFilterType, @Ctx() ctx: RequestContext): Promise<Government[] | null> {
    if (filter.governmentIds === null) return null;
    const rows = await ctx.loaders.get(governmentById).loadMany(filter.governmentIds);
    return rows.filter((row): row is Government => row instanceof Government);
  }

  @FieldResolver(() => [Committee], { nullable: true })
  async committees(@Root() filter: WebhookFilterType, @Ctx() ctx: RequestContext): Promise<Committee[] | null> {
    if (filter.committeeIds === null) return null;
    const rows = await ctx.loaders.get(committeeById).loadMany(filter.committeeIds);
    return rows.filter((row): row is Committee => row instanceof Committee);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @FieldResolver(() => WebhookType)
  async webhook(@Root() delivery: WebhookDeliveryType, @Ctx() ctx: RequestContext): Promise<WebhookType> {
    const row = await ctx.loaders.get(webhookById).load(delivery.webhookId);
    if (!row) throw new Error(`webhook ${delivery.webhookId} of a delivery is missing`);
    return shownWebhook(row);
  }
}
