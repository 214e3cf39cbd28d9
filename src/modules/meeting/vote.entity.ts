import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { VOTE_CHOICES } from "../../charter";
import type { VoteChoice as CharterVoteChoice } from "../../charter";
import { enumFrom, sqlValueList } from "../../core/enums";
import { Government } from "../government";
import { AgendaItem } from "./agenda-item.entity";

export const VoteChoice = enumFrom(VOTE_CHOICES, "VoteChoice");
export type VoteChoice = CharterVoteChoice;

/** One government's vote on one agenda item: at most one, and only from a government present. */
@Entity("vote")
@Index("UQ_vote_agenda_item_government", ["agendaItemId", "governmentId"], { unique: true })
@Check("CHK_vote_choice", `choice ${sqlValueList(VOTE_CHOICES)}`)
export class Vote {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  // Indexed as the leading column of the unique key above.
  @Column({ type: "integer" })
  agendaItemId: number;

  @ManyToOne(() => AgendaItem, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "agenda_item_id", foreignKeyConstraintName: "FK_vote_agenda_item" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly agendaItemRelation?: never;

  @Index("IDX_vote_government_id")
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne(() => Government, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_vote_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Column({ type: "text" })
  choice: VoteChoice;
}
