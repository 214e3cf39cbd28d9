import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { IsoDate } from "../../core/dates";

/**
 * Facts about the hub's records as a whole: one row. `factsCompleteUntil` is the
 * horizon up to which the records are complete; the secretariat moves it forward.
 */
@Entity("association")
@Check("CHK_association_single_row", `id = 1`)
@Check("CHK_association_ledger_from", `dues_ledger_from IS NULL OR dues_ledger_from >= 2017`)
export class Association {
  @PrimaryColumn({ type: "smallint" })
  id: number;

  /** Optimistic concurrency for the association-wide settings (the dues ledger's coverage). */
  @Column({ type: "integer", default: 1 })
  version: number;

  @Column({ type: "text" })
  nameEn: string;

  @Column({ type: "date" })
  factsCompleteUntil: IsoDate;

  @Column({ type: "text" })
  factsSource: string;

  /**
   * No rule reads it since the ledger records each member's fiscal years
   * (`dues_ledger_entry`): migrations/1795848000000-DuesLedger.ts turned any coverage it
   * held into entries and left it null. The column stays so the versions recorded
   * before keep their shape.
   */
  @Column({ type: "smallint", nullable: true })
  duesLedgerFrom: number | null;

  /** From this day every committee meeting and event is recorded; null while no period is. */
  @Column({ type: "date", nullable: true })
  activityRecordsFrom: IsoDate | null;

  /** The member hosting the secretariat (Charter Art. 12): Gyeongsangbuk-do. */
  @Column({ type: "integer", nullable: true })
  secretariatHostGovernmentId: number | null;

  @ManyToOne("Government", { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "secretariat_host_government_id", foreignKeyConstraintName: "FK_association_secretariat_host" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly secretariatHostRelation?: never;
}
