import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DATE_PRECISION_CHECK, SourceField } from "../../core/entity-columns";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";
import { Government } from "../government";
import { Committee } from "./committee.entity";

/**
 * A government's spell as coordinator of a specialised committee (Committee Reg.
 * Art. 5). One row covers consecutive renewed 2-year terms; co-coordinators are rows
 * that overlap.
 */
@Entity("coordinator_term")
@Index("UQ_coordinator_term_committee_government_seq", ["committeeId", "governmentId", "seq"], { unique: true })
@Check("CHK_coordinator_term_start_precision", `start_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_coordinator_term_end_precision", `end_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_coordinator_term_period", `ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on`)
@Check("CHK_coordinator_term_attested", `attested_on IS NULL OR started_on IS NULL`)
@ObjectType("CoordinatorTerm", { implements: Node, description: "A government coordinating a specialised committee." })
export class CoordinatorTerm {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  committeeId: number;

  @ManyToOne(() => Committee, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "committee_id", foreignKeyConstraintName: "FK_coordinator_term_committee" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly committeeRelation?: never;

  @Index("IDX_coordinator_term_government_id")
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne(() => Government, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_coordinator_term_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Column({ type: "smallint" })
  seq: number;

  @Index("IDX_coordinator_term_started_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Null when the sources do not date the start." })
  startedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => DatePrecision, { nullable: true })
  startPrecision: DatePrecision | null;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "For a start the sources do not give: the first day a source attests the coordinator (its start lies between the committee's creation and then).",
  })
  attestedOn: IsoDate | null;

  @Index("IDX_coordinator_term_ended_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  endedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => DatePrecision, { nullable: true })
  endPrecision: DatePrecision | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The time the source speaks for, in its words." })
  sourceSpeaksFor: string | null;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}
