import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";

/**
 * A figure an event's record states ("323 entries: CN 105, JP 22, …"), as a field:
 * a measure, a value, and the country when the figure is one country's part.
 */
@Entity("event_figure")
@Index("UQ_event_figure", ["eventId", "measure", "countryCode"], { unique: true })
@Check("CHK_event_figure_value", `value >= 0`)
@ObjectType("EventFigure", {
  description: "A figure the event's record states: a measure, its value, and the country for a country's part.",
})
export class EventFigure {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Index("IDX_event_figure_event_id")
  @Column({ type: "integer" })
  eventId: number;

  @ManyToOne("Event", { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "event_id", foreignKeyConstraintName: "FK_event_figure_event" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly eventRelation?: never;

  @Column({ type: "text" })
  @Field(() => String, { description: "What is counted: entries, participants, members, works, ambassadors, …" })
  measure: string;

  @Column({ type: "integer" })
  @Field(() => Int)
  value: number;

  @Column({ type: "char", length: 2, nullable: true })
  @Field(() => String, { nullable: true, description: "ISO code when the figure is one country's part; null for the whole." })
  countryCode: string | null;
}
