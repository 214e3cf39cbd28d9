import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DATE_PRECISION_CHECK, SourceField, VersionField } from "../../core/entity-columns";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";

export enum CommitteeKind {
  GENERAL_ASSEMBLY = "GENERAL_ASSEMBLY",
  WORKING_COMMITTEE = "WORKING_COMMITTEE",
  BUDGET_REVIEW = "BUDGET_REVIEW",
  SPECIALISED = "SPECIALISED",
}
registerEnumType(CommitteeKind, {
  name: "CommitteeKind",
  description:
    "GENERAL_ASSEMBLY (Charter Art. 6), WORKING_COMMITTEE (Art. 10), BUDGET_REVIEW (Dues Reg. Art. 8), SPECIALISED (numbered, Committee Regulation).",
});

/** A body of the association: an assembly, a committee, or a numbered specialised committee. */
@Entity("committee")
// Expression indexes on the orderings' exact keys (migration ListOrderIndexes): TypeORM cannot describe them, so it leaves them alone.
@Index("IDX_committee_order_number", { synchronize: false })
@Index("IDX_committee_order_name", { synchronize: false })
@Check("CHK_committee_kind", `kind IN ('GENERAL_ASSEMBLY', 'WORKING_COMMITTEE', 'BUDGET_REVIEW', 'SPECIALISED')`)
@Check("CHK_committee_number", `(kind = 'SPECIALISED') = (number IS NOT NULL) AND (number IS NULL OR number BETWEEN 1 AND 99)`)
@Check("CHK_committee_established_precision", `established_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_committee_abolished_after_established", `abolished_on IS NULL OR established_on IS NULL OR abolished_on >= established_on`)
@Check("CHK_committee_attested", `attested_on IS NULL OR established_on IS NULL`)
@ObjectType("Committee", { implements: Node, description: "A body of the association." })
export class Committee {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

  @Index("UQ_committee_slug", { unique: true })
  @Column({ type: "text" })
  @Field(() => String, { description: "Stable key: general-assembly, working-committee, budget-review-committee, sc-01 … sc-20." })
  slug: string;

  @Index("IDX_committee_kind")
  @Column({ type: "text" })
  @Field(() => CommitteeKind)
  kind: CommitteeKind;

  @Index("UQ_committee_number", { unique: true })
  @Column({ type: "smallint", nullable: true })
  @Field(() => Int, { nullable: true, description: "Number in the Committee Regulation (specialised committees only)." })
  number: number | null;

  @Column({ type: "text", nullable: true })
  nameEn: string | null;

  @Column({ type: "text", nullable: true })
  nameZh: string | null;

  @Index("IDX_committee_established_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  establishedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => DatePrecision, { nullable: true })
  establishedPrecision: DatePrecision | null;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "For an establishment the sources do not date: the first day a source attests the committee.",
  })
  attestedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "How the sources describe its creation, merger or renaming." })
  history: string | null;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  renamedOn: IsoDate | null;

  @Index("IDX_committee_abolished_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  abolishedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The Committee Regulation's own annotation, in Chinese as printed." })
  regulationNoteZh: string | null;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}

/** The columns of a committee's life, as the charter reads it (`CommitteeLife`: status, floor, change days). */
export const COMMITTEE_LIFE_COLUMNS = ["establishedOn", "establishedPrecision", "attestedOn", "abolishedOn"] as const;

/** A committee read with its life's columns. */
export type CommitteeWithLife = Pick<Committee, "id" | (typeof COMMITTEE_LIFE_COLUMNS)[number]>;
