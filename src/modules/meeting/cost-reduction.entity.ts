import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Government } from "../government";
import { Meeting } from "./meeting.entity";

/** A force-majeure reduction of one member's share of an assembly's cost (Charter Art. 15(2)(ii)). */
@Entity("cost_reduction")
@Index("UQ_cost_reduction_meeting_government", ["meetingId", "governmentId"], { unique: true })
@Check("CHK_cost_reduction_bp", `reduction_bp BETWEEN 1 AND 10000`)
@Check("CHK_cost_reduction_reason", `length(trim(reason)) > 0`)
export class CostReduction {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  meetingId: number;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id", foreignKeyConstraintName: "FK_cost_reduction_meeting" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly meetingRelation?: never;

  @Index("IDX_cost_reduction_government_id")
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne(() => Government, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_cost_reduction_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  /** Share of the member's C/D waived, in basis points (10000 = all). */
  @Column({ type: "smallint" })
  reductionBp: number;

  @Column({ type: "text" })
  reason: string;
}
