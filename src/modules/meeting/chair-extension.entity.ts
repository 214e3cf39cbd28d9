import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Check } from "typeorm";
import type { IsoDate } from "../../core/dates";
import { Government } from "../government";
import { AgendaItem } from "./agenda-item.entity";

/** A decision extending a chair's term (Charter Art. 7(1)): data, not a special case in code. */
@Entity("chair_extension")
@Index("UQ_chair_extension_agenda_item", ["agendaItemId"], { unique: true })
@Check("CHK_chair_extension_period", `until IS NULL OR until >= starts_on`)
export class ChairExtension {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Index("IDX_chair_extension_government_id")
  @Column({ type: "integer" })
  governmentId: number;

  @ManyToOne(() => Government, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "government_id", foreignKeyConstraintName: "FK_chair_extension_government" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly governmentRelation?: never;

  @Column({ type: "date" })
  startsOn: IsoDate;

  /** Null: until the next General Assembly that sits. */
  @Column({ type: "date", nullable: true })
  until: IsoDate | null;

  @Column({ type: "integer" })
  agendaItemId: number;

  @ManyToOne(() => AgendaItem, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "agenda_item_id", foreignKeyConstraintName: "FK_chair_extension_agenda_item" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly agendaItemRelation?: never;
}
