import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Lang } from "../../core/i18n";
import { sqlValueList } from "../../core/enums";

/** The object types whose names the hub keeps alternatives for. */
const NAMED_TYPES = ["Government", "Country"] as const;
export type NamedType = (typeof NAMED_TYPES)[number];

/**
 * Another spelling of an object's name that a source uses (the report spells
 * Altai Krai 阿尔泰边境区 where the seeds say 阿尔泰边疆区), kept with its source so
 * a search for any spelling finds the object. The primary names stay in the
 * object's own name columns.
 */
@Entity("alternative_name")
@Index("UQ_alternative_name", ["targetType", "targetKey", "lang", "name"], { unique: true })
@Check("CHK_alternative_name_type", `target_type ${sqlValueList(NAMED_TYPES)}`)
@Check("CHK_alternative_name_lang", `lang ${sqlValueList(Object.values(Lang))}`)
@Check("CHK_alternative_name_text", `length(trim(name)) > 0 AND length(trim(source)) > 0`)
@ObjectType("AlternativeName", { description: "Another spelling a source uses, in one language, with that source." })
export class AlternativeName {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "text" })
  targetType: NamedType;

  /** The named row's key: a government's id, a country's code. */
  @Column({ type: "text" })
  targetKey: string;

  @Column({ type: "text" })
  @Field(() => Lang)
  lang: Lang;

  @Index("IDX_alternative_name_name")
  @Column({ type: "text" })
  @Field(() => String)
  name: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "Where this spelling is used, e.g. R2020 (ambassadors' table)." })
  source: string;
}
