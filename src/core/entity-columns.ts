import { Column } from "typeorm";
import { Field } from "type-graphql";
import { DatePrecision } from "./dates";

/**
 * Columns for a name kept in the six languages (en, zh, ko, ja, ru, mn). Any may be
 * empty: the sources do not give every name, and none is invented.
 */
export abstract class SixLanguageNames {
  @Column({ type: "text", nullable: true })
  nameEn: string | null;

  @Column({ type: "text", nullable: true })
  nameZh: string | null;

  @Column({ type: "text", nullable: true })
  nameKo: string | null;

  @Column({ type: "text", nullable: true })
  nameJa: string | null;

  @Column({ type: "text", nullable: true })
  nameRu: string | null;

  @Column({ type: "text", nullable: true })
  nameMn: string | null;
}

/** The SQL check that a precision column holds a DatePrecision. */
export const DATE_PRECISION_CHECK = `IN (${Object.values(DatePrecision)
  .map((p) => `'${p}'`)
  .join(", ")})`;

/** Decorates the shared `source` and `notes` fields of seeded facts. */
export function SourceField(): PropertyDecorator {
  return (target, key) => {
    Column({ type: "text", nullable: true })(target, key);
    Field(() => String, {
      nullable: true,
      description: key === "notes" ? "What the sources leave uncertain, in their words." : "Source keys (see the hub's sources list).",
    })(target, key);
  };
}
