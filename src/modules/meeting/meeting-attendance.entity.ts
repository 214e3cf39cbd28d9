import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Government } from "../government";
import { Meeting } from "./meeting.entity";

/** A government present at a meeting (in a written consultation: one that replied). */
@Entity("meeting_attendance")
@Index("UQ_meeting_attendance", ["meetingId", "governmentId"], { unique: true })
export class MeetingAttendance {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  meetingId: number;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id", foreignKeyConstraintName: "FK_meeting_attendance_meeting" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly meetingRelation?: never;

  @Index("IDX_meeting_attendance_government_id")
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne(() => Government, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_meeting_attendance_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;
}
