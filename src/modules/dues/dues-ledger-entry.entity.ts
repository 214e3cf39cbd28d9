import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { LEDGER_STATUSES } from "../../charter";
import type { LedgerStatus as CharterLedgerStatus } from "../../charter";
import { enumFrom, sqlValueList } from "../../core/enums";

export const LedgerStatus = enumFrom(
  LEDGER_STATUSES,
  "LedgerStatus",
  "What the secretariat's ledger records of a fiscal year besides booked payments: PAID (the day not recorded) or UNPAID. A year with neither an entry nor a payment is unknown.",
);
export type LedgerStatus = CharterLedgerStatus;

/**
 * One member's fiscal year as the secretariat's ledger records it (Dues Reg. Art. 6):
 * what opening the ledger states, per member and year. A year with no entry and no
 * booked payment is unknown and restricts no one; an entry is corrected by a later
 * write, and its earlier versions stay readable (`asKnownOn`).
 */
@Entity("dues_ledger_entry")
@Index("UQ_dues_ledger_entry_government_year", ["governmentId", "fiscalYear"], { unique: true })
@Check("CHK_dues_ledger_entry_status", `status ${sqlValueList(LEDGER_STATUSES)}`)
@Check("CHK_dues_ledger_entry_fiscal_year", `fiscal_year BETWEEN 2017 AND 9999`)
@Check("CHK_dues_ledger_entry_source", `length(trim(source)) > 0`)
@ObjectType("DuesLedgerEntry", { description: "A fiscal year as the secretariat's dues ledger records it." })
export class DuesLedgerEntry {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne("Government", { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_dues_ledger_entry_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Column({ type: "smallint" })
  @Field(() => Int)
  fiscalYear: number;

  @Column({ type: "text" })
  @Field(() => LedgerStatus)
  status: LedgerStatus;

  @Column({ type: "text" })
  @Field(() => String, { description: "What the secretariat holds that says so (a ledger book, a bank statement)." })
  source: string;
}
