import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { SourceField } from "../../core/entity-columns";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";

/**
 * A dues payment as the secretariat books it (Dues Reg. Art. 4-5): dues are set in
 * USD and paid in KRW, so the row keeps what arrived and what it was credited for.
 */
@Entity("dues_payment")
@Index("UQ_dues_payment_reference", ["reference"], { unique: true })
@Index("IDX_dues_payment_government_year", ["governmentId", "fiscalYear"])
@Check("CHK_dues_payment_fiscal_year", `fiscal_year BETWEEN 1996 AND 9999`)
@Check("CHK_dues_payment_amount", `amount_minor > 0 AND credited_usd_cents >= 0`)
@Check("CHK_dues_payment_currency", `currency ~ '^[A-Z]{3}$'`)
@ObjectType("DuesPayment", { implements: Node, description: "A dues payment booked by the secretariat." })
export class DuesPayment {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of IDX_dues_payment_government_year.
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne("Government", { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_dues_payment_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Index("IDX_dues_payment_fiscal_year")
  @Column({ type: "smallint" })
  @Field(() => Int)
  fiscalYear: number;

  /** What arrived, in minor units of `currency` (won have none). */
  @Column({ type: "bigint" })
  @Field(() => String, { description: "Amount received, in minor units of `currency`, as a decimal string." })
  amountMinor: string;

  @Column({ type: "char", length: 3 })
  @Field(() => String, { description: "ISO 4217; dues are paid in KRW (Dues Reg. Art. 5(2))." })
  currency: string;

  @Column({ type: "integer" })
  @Field(() => Int, { description: "What the secretariat credited against the USD 1,000 due, in US cents." })
  creditedUsdCents: number;

  @Index("IDX_dues_payment_paid_on")
  @Column({ type: "date" })
  @Field(() => DateScalar)
  paidOn: IsoDate;

  @Column({ type: "text" })
  @Field(() => String, { description: "The secretariat's booking reference." })
  reference: string;

  @SourceField()
  notes: string | null;
}
