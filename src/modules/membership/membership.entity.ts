import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { MEMBERSHIP_KINDS } from "../../charter";
import type { MembershipKind as CharterMembershipKind } from "../../charter";
import { DATE_PRECISION_CHECK, SourceField, VersionField } from "../../core/entity-columns";
import { enumFrom, sqlValueList } from "../../core/enums";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";

export const MembershipKind = enumFrom(
  MEMBERSHIP_KINDS,
  "MembershipKind",
  "MEMBER (Charter Art. 4), ASSOCIATE (Art. 4-2: no vote, Art. 5-2) or OBSERVER (no Charter article: not a member).",
);
export type MembershipKind = CharterMembershipKind;

export enum FoundingStatus {
  FOUNDING = "FOUNDING",
  NOT_FOUNDING = "NOT_FOUNDING",
  DISPUTED = "DISPUTED",
}
registerEnumType(FoundingStatus, {
  name: "FoundingStatus",
  description: "Charter Art. 19: founders attended the 1996 conference and agreed to the charter. DISPUTED where sources disagree.",
});

/**
 * One period in which a government belongs to NEAR in one capacity. A change of
 * capacity is a new period, never an overwritten column.
 */
@Entity("membership")
@Index("UQ_membership_government_seq", ["governmentId", "seq"], { unique: true })
@Check("CHK_membership_kind", `kind ${sqlValueList(MEMBERSHIP_KINDS)}`)
@Check("CHK_membership_founding", `founding IN ('FOUNDING', 'NOT_FOUNDING', 'DISPUTED')`)
@Check("CHK_membership_start_precision", `start_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_membership_period", `ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on`)
@Check("CHK_membership_start_complete", `(started_on IS NULL) = (start_precision IS NULL)`)
@Check("CHK_membership_end_complete", `(ended_on IS NULL) = (end_precision IS NULL)`)
@Check("CHK_membership_end_precision", `end_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_membership_attested", `attested_on IS NULL OR started_on IS NULL`)
@ObjectType("Membership", { implements: Node, description: "A period in which a government belongs to NEAR in one capacity." })
export class Membership {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  governmentId: number;

  // Named, not imported: the government module builds on this one.
  @ManyToOne("Government", { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_membership_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  /** Order of the government's periods, 1 = first: the natural key seeds upsert by. */
  @Column({ type: "smallint" })
  seq: number;

  @Index("IDX_membership_kind")
  @Column({ type: "text" })
  @Field(() => MembershipKind)
  kind: MembershipKind;

  @Index("IDX_membership_started_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "First day of the period; null when the sources do not say." })
  startedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => DatePrecision, { nullable: true })
  startPrecision: DatePrecision | null;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "For a start the sources do not give: the first day a source attests the membership, so the latest it can have begun (see startWindow).",
  })
  attestedOn: IsoDate | null;

  @Index("IDX_membership_ended_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day of the period (the last it can mean, where the sources give less than the day); null while it lasts.",
  })
  endedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => DatePrecision, { nullable: true })
  endPrecision: DatePrecision | null;

  @Index("IDX_membership_founding")
  @Column({ type: "text" })
  @Field(() => FoundingStatus)
  founding: FoundingStatus;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The decision that admitted the government, where known." })
  admittedBy: string | null;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}
