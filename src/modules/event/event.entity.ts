import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DATE_PRECISION_CHECK, SourceField, VersionField } from "../../core/entity-columns";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Node } from "../../core/node";

export enum EventKind {
  FOUNDING = "FOUNDING",
  GENERAL_ASSEMBLY = "GENERAL_ASSEMBLY",
  GOVERNANCE = "GOVERNANCE",
  MEMBERSHIP = "MEMBERSHIP",
  STAFF = "STAFF",
  AMBASSADORS = "AMBASSADORS",
  FORUM = "FORUM",
  SEMINAR = "SEMINAR",
  MEETING = "MEETING",
  VISIT = "VISIT",
  DIPLOMATIC = "DIPLOMATIC",
  LECTURE = "LECTURE",
  COOPERATION = "COOPERATION",
  MOU = "MOU",
  EXHIBITION = "EXHIBITION",
  CONTEST = "CONTEST",
  AWARD = "AWARD",
  PROGRAMME = "PROGRAMME",
  OUTREACH = "OUTREACH",
  PUBLICATION = "PUBLICATION",
  COVID_SOLIDARITY = "COVID_SOLIDARITY",
}
registerEnumType(EventKind, { name: "EventKind", description: "What kind of event the report records." });

@Entity("event")
// An expression index on the ordering's exact keys (migration OrderIndexes): TypeORM cannot describe it, so it leaves it alone.
@Index("IDX_event_order_date", { synchronize: false })
@Index("UQ_event_starts_on_title", ["startsOn", "titleEn"], { unique: true })
@Check(
  "CHK_event_kind",
  `kind IN (${Object.values(EventKind)
    .map((k) => `'${k}'`)
    .join(", ")})`,
)
@Check("CHK_event_start_precision", `start_precision ${DATE_PRECISION_CHECK}`)
@Check("CHK_event_period", `ends_on IS NULL OR ends_on >= starts_on`)
@ObjectType("Event", { implements: Node, description: "A dated event: an assembly, forum, visit, MOU, contest, appointment…" })
export class Event {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

  @Column({ type: "text" })
  titleEn: string;

  @Column({ type: "text", nullable: true })
  titleZh: string | null;

  @Index("IDX_event_kind")
  @Column({ type: "text" })
  @Field(() => EventKind)
  kind: EventKind;

  @Index("IDX_event_starts_on")
  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "First day; see `precision` for how much of it the source gives." })
  startsOn: IsoDate;

  @Index("IDX_event_ends_on")
  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Last day, for events spanning several days." })
  endsOn: IsoDate | null;

  @Column({ type: "text" })
  @Field(() => DatePrecision)
  startPrecision: DatePrecision;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Who took part, as the report says it." })
  participants: string | null;

  /** The committee whose activity this is (Committee Reg. Art. 5(4)), where the event belongs to one. */
  @Index("IDX_event_committee_id")
  @Column({ type: "integer", nullable: true })
  committeeId: number | null;

  @ManyToOne("Committee", { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "committee_id", foreignKeyConstraintName: "FK_event_committee" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly committeeRelation?: never;

  /** A draft is the secretariat's until published: invisible to others, and no derived answer counts it. */
  @Column({ type: "boolean", default: false })
  @Field(() => Boolean, { description: "A draft (only SECRETARIAT and ADMIN ever see one); publishEvent makes it public." })
  draft: boolean;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}
