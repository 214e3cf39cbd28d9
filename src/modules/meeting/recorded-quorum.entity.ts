import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from "typeorm";
import { Meeting } from "./meeting.entity";

/**
 * A meeting's quorum (Charter Art. 9(2)) as recorded with its decisions: the
 * governments with voting rights on the meeting day as known when the sitting was
 * recorded, and those of them present. Later writes never change it (docs/charter.md).
 */
@Entity("recorded_quorum")
@Check("CHK_recorded_quorum_counts", `voting_members >= 0 AND (present IS NULL OR present BETWEEN 0 AND voting_members)`)
export class RecordedQuorum {
  @PrimaryColumn({ type: "integer" })
  meetingId: number;

  @OneToOne(() => Meeting, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id", foreignKeyConstraintName: "FK_recorded_quorum_meeting" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly meetingRelation?: never;

  @Column({ type: "smallint" })
  votingMembers: number;

  /** Null when attendance is not recorded government by government. */
  @Column({ type: "smallint", nullable: true })
  present: number | null;

  @Column({ type: "timestamptz", default: () => "near_recorded_at()" })
  decidedAt: Date;
}
