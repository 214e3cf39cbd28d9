import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { registerEnumType } from "type-graphql";
import { LiveEventRecord } from "../access";
import { Webhook } from "./webhook.entity";

export enum DeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
  CANCELLED = "CANCELLED",
}
registerEnumType(DeliveryStatus, {
  name: "DeliveryStatus",
  description:
    "PENDING: not yet acknowledged, retried with backoff; DELIVERED: a 2xx came back; FAILED: every attempt failed; CANCELLED: the webhook was removed first.",
});

/** One event for one webhook: tried until the receiver answers 2xx, or until its attempts run out. */
@Entity("webhook_delivery")
@Index("UQ_webhook_delivery_webhook_event", ["webhookId", "eventId"], { unique: true })
@Index("IDX_webhook_delivery_due", ["nextAttemptAt"], { where: `status = 'PENDING'` })
@Index("IDX_webhook_delivery_event", ["eventId"])
@Check("CHK_webhook_delivery_status", `status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')`)
export class WebhookDelivery {
  @PrimaryGeneratedColumn({ type: "integer", primaryKeyConstraintName: "PK_webhook_delivery" })
  id: number;

  @Column({ type: "integer" })
  webhookId: number;

  @ManyToOne(() => Webhook, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "webhook_id", foreignKeyConstraintName: "FK_webhook_delivery_webhook" })
  // Declares the foreign key only.
  protected readonly webhookRelation?: never;

  @Column({ type: "uuid" })
  eventId: string;

  @ManyToOne(() => LiveEventRecord, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "event_id", foreignKeyConstraintName: "FK_webhook_delivery_event" })
  // Declares the foreign key only.
  protected readonly eventRelation?: never;

  @Column({ type: "text", default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Column({ type: "smallint", default: 0 })
  attempts: number;

  @Column({ type: "timestamptz", default: () => "now()" })
  nextAttemptAt: Date;

  /** While a worker tries it: no other worker takes it before then (a worker that died lets it go when this passes). */
  @Column({ type: "timestamptz", nullable: true })
  leasedUntil: Date | null;

  /** The last attempt's HTTP status; null when it got none (refused, timed out). */
  @Column({ type: "smallint", nullable: true })
  lastStatus: number | null;

  @Column({ type: "text", nullable: true })
  lastError: string | null;

  @Column({ type: "timestamptz", nullable: true })
  deliveredAt: Date | null;

  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt: Date;
}
