import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { APPOINTMENT_STATUSES } from "../../charter";
import type { AppointmentStatus as CharterAppointmentStatus } from "../../charter";
import { DATE_PRECISION_CHECK, SourceField, VersionField } from "../../core/entity-columns";
import { enumFrom } from "../../core/enums";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";
import { PrivateField } from "../access";
import { Government } from "../government";
import { Post } from "./post.entity";
import { StaffMember } from "./staff-member.entity";

export const AppointmentStatus = enumFrom(
  APPOINTMENT_STATUSES,
  "AppointmentStatus",
  "As the sources record it at the facts horizon; FORMER also when the end date is unknown.",
);
export type AppointmentStatus = CharterAppointmentStatus;

/**
 * A person holding a post, from start to end. `seq` orders the post's holders, so a
 * holder's predecessor is derived from the post's history, never stored.
 */
@Entity("appointment")
@Index("UQ_appointment_post_seq", ["postId", "seq"], { unique: true })
@Check("CHK_appointment_status", `status IN ('CURRENT', 'FORMER')`)
@Check("CHK_appointment_start_precision", `start_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_appointment_end_precision", `end_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_appointment_period", `ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on`)
@Check("CHK_appointment_current_has_no_end", `status = 'FORMER' OR ended_on IS NULL`)
@ObjectType("Appointment", { implements: Node, description: "A person holding a secretariat post for a period." })
export class Appointment {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

  @Index("IDX_appointment_staff_member_id")
  @Column({ type: "integer" })
  staffMemberId: number;

  @ManyToOne(() => StaffMember, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "staff_member_id", foreignKeyConstraintName: "FK_appointment_staff_member" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly staffMemberRelation?: never;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  postId: number;

  @ManyToOne(() => Post, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "post_id", foreignKeyConstraintName: "FK_appointment_post" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly postRelation?: never;

  /** Position in the post's history, 1 = earliest known holder. */
  @Column({ type: "smallint" })
  seq: number;

  @Index("IDX_appointment_dispatched_by_government_id")
  @Column({ type: "integer", nullable: true })
  dispatchedByGovernmentId: number | null;

  @ManyToOne(() => Government, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "dispatched_by_government_id", foreignKeyConstraintName: "FK_appointment_dispatched_by_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly dispatchedByRelation?: never;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "dispatched official, specialist (contract), …, as the sources say." })
  employment: string | null;

  /**
   * An official a member dispatched to the secretariat (Charter Art. 13(2)). Not the
   * same as `dispatchedBy`: Shimane's liaison works for Shimane from Shimane.
   */
  @Column({ type: "boolean" })
  @Field(() => Boolean, {
    description: "An official a member dispatched to the secretariat (Charter Art. 13(2)); Dues Reg. Art. 8(1) draws on their governments.",
  })
  dispatchedOfficial: boolean;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The role as the Chinese report prints it." })
  roleZh: string | null;

  @Index("IDX_appointment_started_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  startedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => DatePrecision, { nullable: true })
  startPrecision: DatePrecision | null;

  @Index("IDX_appointment_ended_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true })
  endedOn: IsoDate | null;

  @Column({ type: "text", nullable: true })
  @Field(() => DatePrecision, { nullable: true })
  endPrecision: DatePrecision | null;

  @Index("IDX_appointment_status")
  @Column({ type: "text" })
  @Field(() => AppointmentStatus)
  status: AppointmentStatus;

  @SourceField()
  source: string | null;

  @SourceField({ privateTo: PrivateField })
  notes: string | null;
}
