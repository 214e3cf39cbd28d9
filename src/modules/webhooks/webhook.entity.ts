import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { LiveEventKind } from "../../core/live-event";

/** Which changes a webhook wants: each list narrows; null takes all. Ids are rows' keys, resolved when it was registered. */
export interface WebhookFilter {
  countries: string[] | null;
  governmentIds: number[] | null;
  committeeIds: number[] | null;
}

/**
 * A partner's URL that is told of committed changes by signed POSTs (Standard
 * Webhooks). The secret signs; it is shown once, when the webhook is registered.
 */
@Entity("webhook")
@Index("UQ_webhook_url_active", ["url"], { unique: true, where: `removed_at IS NULL` })
export class Webhook {
  @PrimaryGeneratedColumn({ type: "integer", primaryKeyConstraintName: "PK_webhook" })
  id: number;

  @Column({ type: "integer", default: 1 })
  version: number;

  @Column({ type: "text" })
  url: string;

  @Column({ type: "text", array: true })
  events: LiveEventKind[];

  @Column({ type: "jsonb" })
  filter: WebhookFilter;

  /** `whsec_` and the base64 of 24 random bytes: the HMAC key, as the specification writes it. */
  @Column({ type: "text" })
  secret: string;

  @Column({ type: "text" })
  label: string;

  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt: Date;

  /** When an ADMIN removed it: no new deliveries; those already made keep their record. */
  @Column({ type: "timestamptz", nullable: true })
  removedAt: Date | null;
}
