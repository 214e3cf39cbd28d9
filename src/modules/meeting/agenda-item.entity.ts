import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { SourceField } from "../../core/entity-columns";
import { Node } from "../../core/node";
import { Meeting } from "./meeting.entity";

/**
 * A matter put to a decision, with the Charter Art. 8 item it falls under. Votes are
 * rows of `vote`; where the sources give only counts (the 2020 written consultation),
 * the counts are kept here instead. Outcomes are derived, never stored.
 */
@Entity("agenda_item")
@Index("UQ_agenda_item_meeting_seq", ["meetingId", "seq"], { unique: true })
@Check("CHK_agenda_item_charter_item", `charter_item BETWEEN 1 AND 11`)
@Check(
  "CHK_agenda_item_recorded_tally",
  `(recorded_present IS NULL AND recorded_for IS NULL AND recorded_against IS NULL AND recorded_abstain IS NULL)
   OR (recorded_present IS NOT NULL AND recorded_for IS NOT NULL AND recorded_against IS NOT NULL AND recorded_abstain IS NOT NULL
       AND recorded_for >= 0 AND recorded_against >= 0 AND recorded_abstain >= 0
       AND recorded_for + recorded_against + recorded_abstain <= recorded_present)`,
)
@ObjectType("AgendaItem", { implements: Node, description: "A matter put to a decision at a meeting." })
export class AgendaItem {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  meetingId: number;

  @ManyToOne(() => Meeting, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "meeting_id", foreignKeyConstraintName: "FK_agenda_item_meeting" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly meetingRelation?: never;

  @Column({ type: "smallint" })
  @Field(() => Int)
  seq: number;

  @Column({ type: "text" })
  @Field(() => String)
  title: string;

  @Column({ type: "smallint" })
  @Field(() => Int, { description: "The Charter Art. 8 item (1-11) the matter falls under; it sets the majority." })
  charterItem: number;

  @Column({ type: "smallint", nullable: true })
  recordedPresent: number | null;

  @Column({ type: "smallint", nullable: true })
  recordedFor: number | null;

  @Column({ type: "smallint", nullable: true })
  recordedAgainst: number | null;

  @Column({ type: "smallint", nullable: true })
  recordedAbstain: number | null;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}
