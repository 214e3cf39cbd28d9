import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { SourceField } from "../../core/entity-columns";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";
import { PrivateField } from "../access";
import { Country } from "../country";
import { Government } from "../government";

export enum AmbassadorKind {
  MEMBER_NOMINATED = "MEMBER_NOMINATED",
  SECRETARIAT = "SECRETARIAT",
}
registerEnumType(AmbassadorKind, {
  name: "AmbassadorKind",
  description: "MEMBER_NOMINATED: honorary PR ambassadors a member nominated; SECRETARIAT: the secretariat's own PR ambassador.",
});

/** Honorary PR ambassadors appointed for one government in one round (the report gives counts, not names). */
@Entity("ambassador_appointment")
@Index("UQ_ambassador_appointment_key", ["naturalKey"], { unique: true })
@Check("CHK_ambassador_appointment_kind", `kind IN ('MEMBER_NOMINATED', 'SECRETARIAT')`)
@Check("CHK_ambassador_appointment_people", `people > 0`)
@Check("CHK_ambassador_appointment_member_has_government", `kind = 'SECRETARIAT' OR (government_id IS NOT NULL AND round IS NOT NULL)`)
@Check("CHK_ambassador_appointment_term", `term_end IS NULL OR term_end >= term_start`)
@ObjectType("AmbassadorAppointment", { implements: Node, description: "Honorary PR ambassadors appointed in one round." })
export class AmbassadorAppointment {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  /** `round-1/cn-shanxi` or `secretariat/2020-07-01`: what seeds upsert by. */
  @Column({ type: "text" })
  naturalKey: string;

  @Index("IDX_ambassador_appointment_kind")
  @Column({ type: "text" })
  @Field(() => AmbassadorKind)
  kind: AmbassadorKind;

  @Index("IDX_ambassador_appointment_round")
  @Column({ type: "smallint", nullable: true })
  @Field(() => Int, { nullable: true })
  round: number | null;

  @Index("IDX_ambassador_appointment_country_code")
  @Column({ type: "char", length: 2 })
  countryCode: string;

  @ManyToOne(() => Country, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "country_code", foreignKeyConstraintName: "FK_ambassador_appointment_country" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly countryRelation?: never;

  @Index("IDX_ambassador_appointment_government_id")
  @Column({ type: "integer", nullable: true })
  governmentId: number | null;

  @ManyToOne(() => Government, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_ambassador_appointment_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Column({ type: "smallint" })
  @Field(() => Int, { description: "How many people this appointment covers." })
  people: number;

  @Index("IDX_ambassador_appointment_term_start")
  @Column({ type: "date" })
  @Field(() => DateScalar)
  termStart: IsoDate;

  @Index("IDX_ambassador_appointment_term_end")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  termEnd: IsoDate | null;

  @SourceField()
  source: string | null;

  @SourceField({ privateTo: PrivateField })
  notes: string | null;
}
