import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";

/** A reduction or waiver of one fiscal year's dues, with the reason it was granted. */
@Entity("dues_waiver")
@Index("UQ_dues_waiver_government_year", ["governmentId", "fiscalYear"], { unique: true })
@Check("CHK_dues_waiver_amount", `waived_usd_cents > 0 AND waived_usd_cents <= 100000`)
@Check("CHK_dues_waiver_fiscal_year", `fiscal_year BETWEEN 1996 AND 9999`)
@Check("CHK_dues_waiver_reason", `length(trim(reason)) > 0`)
@ObjectType("DuesWaiver", { implements: Node, description: "A reduction or waiver of one fiscal year's dues." })
export class DuesWaiver {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne("Government", { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_dues_waiver_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Index("IDX_dues_waiver_fiscal_year")
  @Column({ type: "smallint" })
  @Field(() => Int)
  fiscalYear: number;

  @Column({ type: "integer" })
  @Field(() => Int)
  waivedUsdCents: number;

  @Column({ type: "text" })
  @Field(() => String)
  reason: string;

  @Column({ type: "date" })
  @Field(() => DateScalar)
  decidedOn: IsoDate;
}
