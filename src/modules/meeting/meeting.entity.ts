import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DATE_PRECISION_CHECK, SourceField, VersionField } from "../../core/entity-columns";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";
import { Committee } from "../committee";
import { Government } from "../government";

export enum MeetingFormat {
  SITTING = "SITTING",
  WRITTEN_CONSULTATION = "WRITTEN_CONSULTATION",
}
registerEnumType(MeetingFormat, { name: "MeetingFormat", description: "A sitting (in person or online), or a consultation in writing." });

export enum MeetingStatus {
  HELD = "HELD",
  PLANNED = "PLANNED",
  POSTPONED = "POSTPONED",
}
registerEnumType(MeetingStatus, { name: "MeetingStatus" });

/** A sitting of the General Assembly, the Working Committee or a specialised committee. */
@Entity("meeting")
@Index("UQ_meeting_committee_starts_on_title", ["committeeId", "startsOn", "title"], { unique: true })
@Check("CHK_meeting_format", `format IN ('SITTING', 'WRITTEN_CONSULTATION')`)
@Check("CHK_meeting_status", `status IN ('HELD', 'PLANNED', 'POSTPONED')`)
@Check("CHK_meeting_postponed", `(status = 'POSTPONED') = (postponed_on IS NOT NULL)`)
@Check("CHK_meeting_start_precision", `start_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_meeting_period", `ends_on >= starts_on`)
@ObjectType("Meeting", { implements: Node, description: "A sitting of an assembly or committee, or a written consultation." })
export class Meeting {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

  @Index("IDX_meeting_committee_id")
  @Column({ type: "integer" })
  committeeId: number;

  @ManyToOne(() => Committee, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "committee_id", foreignKeyConstraintName: "FK_meeting_committee" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly committeeRelation?: never;

  @Column({ type: "smallint", nullable: true })
  @Field(() => Int, { nullable: true, description: "Ordinal of a General Assembly (13 for the 13th)." })
  number: number | null;

  @Column({ type: "text" })
  @Field(() => String)
  title: string;

  @Column({ type: "text" })
  @Field(() => MeetingFormat)
  format: MeetingFormat;

  @Index("IDX_meeting_status")
  @Column({ type: "text" })
  @Field(() => MeetingStatus)
  status: MeetingStatus;

  @Index("IDX_meeting_starts_on")
  @Column({ type: "date" })
  @Field(() => DateScalar)
  startsOn: IsoDate;

  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "Last day (held or planned); a date known only to the month or year is its last possible day." })
  endsOn: IsoDate;

  @Column({ type: "text" })
  @Field(() => DatePrecision)
  startPrecision: DatePrecision;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When a decision postponed it." })
  postponedOn: IsoDate | null;

  @Index("IDX_meeting_host_government_id")
  @Column({ type: "integer", nullable: true })
  hostGovernmentId: number | null;

  @ManyToOne(() => Government, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "host_government_id", foreignKeyConstraintName: "FK_meeting_host_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly hostRelation?: never;

  @Column({ type: "boolean" })
  @Field(() => Boolean, { description: "Whether attendance is recorded government by government." })
  attendanceRecorded: boolean;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}
