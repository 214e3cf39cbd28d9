import { Check, Column, Entity, PrimaryColumn, Index } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { SixLanguageNames, SourceField, VersionField } from "../../core/entity-columns";
import { Node } from "../../core/node";

export enum Region {
  NORTH_EAST_ASIA = "NORTH_EAST_ASIA",
  OTHER_ASIA = "OTHER_ASIA",
}
registerEnumType(Region, {
  name: "Region",
  description: "Charter Art. 4: members come from North-East Asia; Art. 4-2: associates from elsewhere in Asia.",
});

@Entity("country")
// Expression indexes on the orderings' exact keys (migration NameOrderInLanguages): TypeORM cannot describe them, so it leaves them alone.
@Index("IDX_country_order_name_en", { synchronize: false })
@Index("IDX_country_order_name_zh", { synchronize: false })
@Index("IDX_country_order_name_ko", { synchronize: false })
@Index("IDX_country_order_name_ja", { synchronize: false })
@Index("IDX_country_order_name_ru", { synchronize: false })
@Index("IDX_country_order_name_mn", { synchronize: false })
@Check("CHK_country_code", `code ~ '^[A-Z]{2}$'`)
@Check("CHK_country_region", `region IN ('NORTH_EAST_ASIA', 'OTHER_ASIA')`)
@ObjectType("Country", { implements: Node, description: "A state whose regional governments take part in NEAR." })
export class Country extends SixLanguageNames {
  /** ISO 3166-1 alpha-2; also the key of the country's global ID. */
  @PrimaryColumn({ type: "char", length: 2 })
  @Field(() => String, { description: "ISO 3166-1 alpha-2 code." })
  code: string;

  @VersionField()
  version: number;

  @Column({ type: "text" })
  @Field(() => Region)
  region: Region;

  @SourceField()
  source: string | null;
}
