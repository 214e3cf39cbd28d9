import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Check } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { SourceField } from "../../core/entity-columns";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";
import { Government } from "../government";
import { Committee } from "./committee.entity";

/**
 * A government taking part in a specialised committee (Committee Reg. Art. 4, 6(1)).
 * The General Assembly and Working Committee need no rows: every member sits in them.
 */
@Entity("committee_participation")
@Index("UQ_committee_participation", ["committeeId", "governmentId", "seq"], { unique: true })
@Check("CHK_committee_participation_period", `ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on`)
@ObjectType("CommitteeParticipation", { implements: Node, description: "A government taking part in a specialised committee." })
export class CommitteeParticipation {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  committeeId: number;

  @ManyToOne(() => Committee, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "committee_id", foreignKeyConstraintName: "FK_committee_participation_committee" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly committeeRelation?: never;

  @Index("IDX_committee_participation_government_id")
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne(() => Government, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_committee_participation_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Column({ type: "smallint" })
  seq: number;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  startedOn: IsoDate | null;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  endedOn: IsoDate | null;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}
