import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from "typeorm";
import { DECIDING_BODIES, DECISION_BASES, DECISION_OUTCOMES, TALLY_SOURCES } from "../../charter";
import type { DecidingBody, DecisionBasis, DecisionOutcome, Reason, TallySource } from "../../charter";
import { sqlValueList } from "../../core/enums";
import { AgendaItem } from "./agenda-item.entity";

/**
 * An agenda item's decision as recorded (docs/charter.md, "Decisions are records"):
 * decided by the charter with the rights and memberships known when the sitting was
 * recorded, and kept with its tally, its arithmetic and its reasons. Later writes never
 * change it; only a recorded correction does (`correctDecision`, audited), and every
 * earlier version stays readable (`asKnownOn`).
 */
@Entity("recorded_decision")
@Check("CHK_recorded_decision_outcome", `outcome ${sqlValueList(DECISION_OUTCOMES)}`)
@Check("CHK_recorded_decision_body", `body ${sqlValueList(DECIDING_BODIES)}`)
@Check("CHK_recorded_decision_tally_source", `tally_source ${sqlValueList(TALLY_SOURCES)}`)
@Check("CHK_recorded_decision_basis", `basis ${sqlValueList(DECISION_BASES)}`)
@Check("CHK_recorded_decision_correction", `(basis = 'CORRECTED') = (correction_reason IS NOT NULL)`)
export class RecordedDecision {
  @PrimaryColumn({ type: "integer" })
  agendaItemId: number;

  @OneToOne(() => AgendaItem, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "agenda_item_id", foreignKeyConstraintName: "FK_recorded_decision_agenda_item" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly agendaItemRelation?: never;

  @Column({ type: "text" })
  outcome: DecisionOutcome;

  @Column({ type: "text" })
  body: DecidingBody;

  @Column({ type: "boolean" })
  yearHasGeneralAssembly: boolean;

  @Column({ type: "boolean" })
  writtenConsultation: boolean;

  @Column({ type: "smallint" })
  votingMembers: number;

  @Column({ type: "smallint" })
  present: number;

  @Column({ type: "smallint" })
  votesFor: number;

  @Column({ type: "smallint" })
  votesAgainst: number;

  @Column({ type: "smallint" })
  abstentions: number;

  @Column({ type: "text" })
  tallySource: TallySource;

  @Column({ type: "smallint" })
  quorumRequired: number;

  @Column({ type: "boolean" })
  quorumMet: boolean;

  @Column({ type: "smallint" })
  votesRequired: number;

  @Column({ type: "text" })
  arithmetic: string;

  @Column({ type: "jsonb" })
  reasons: Reason[];

  /** When the hub recorded this decision: the write's recorded instant. */
  @Column({ type: "timestamptz", default: () => "near_recorded_at()" })
  decidedAt: Date;

  @Column({ type: "text" })
  basis: DecisionBasis;

  /** Why a correction decided the item again (basis CORRECTED). */
  @Column({ type: "text", nullable: true })
  correctionReason: string | null;
}
