import { Check, Column, Entity, PrimaryColumn } from "typeorm";
import type { IsoDate } from "../../core/dates";

/**
 * Facts about the hub's records as a whole: one row. `factsCompleteUntil` is the
 * horizon up to which the records are complete; the secretariat moves it forward.
 */
@Entity("association")
@Check("CHK_association_single_row", `id = 1`)
export class Association {
  @PrimaryColumn({ type: "smallint" })
  id: number;

  @Column({ type: "text" })
  nameEn: string;

  @Column({ type: "date" })
  factsCompleteUntil: IsoDate;

  @Column({ type: "text" })
  factsSource: string;
}
