import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { LiveChange, LiveEventKind } from "../../core/live-event";

/**
 * A committed change, written in the transaction of the write that made it: the
 * outbox webhooks are delivered from (docs/live.md). A rolled-back write leaves none;
 * a committed one always has its rows, whatever happens to the process next.
 */
@Entity("live_event")
@Index("IDX_live_event_not_fanned_out", ["recordedAt"], { where: `fanned_out_at IS NULL` })
export class LiveEventRecord {
  /** The event's id: the `eventId` subscribers see and the `webhook-id` header of every delivery of it. */
  @PrimaryColumn({ type: "uuid", primaryKeyConstraintName: "PK_live_event" })
  id: string;

  @Column({ type: "text" })
  kind: LiveEventKind;

  @Column({ type: "text" })
  operation: string;

  @Column({ type: "timestamptz" })
  recordedAt: Date;

  /** The ids the change is about (LiveChange without its kind). */
  @Column({ type: "jsonb" })
  change: Omit<LiveChange, "kind">;

  /** When the webhook worker made its deliveries; null until then. */
  @Column({ type: "timestamptz", nullable: true })
  fannedOutAt: Date | null;
}
