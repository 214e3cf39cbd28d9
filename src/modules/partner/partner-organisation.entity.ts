import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { SourceField, VersionField } from "../../core/entity-columns";
import { Node } from "../../core/node";

export enum PartnerRelation {
  PARTNER = "PARTNER",
  COOPERATION = "COOPERATION",
  MOU = "MOU",
  FUNDER = "FUNDER",
  RELATED = "RELATED",
}
registerEnumType(PartnerRelation, {
  name: "PartnerRelation",
  description: "PARTNER (on the report's partners page), COOPERATION, MOU, FUNDER, RELATED (named in the report's news).",
});

@Entity("partner_organisation")
// Expression indexes on the orderings' exact keys (migration ListOrderIndexes): TypeORM cannot describe them, so it leaves them alone.
@Index("IDX_partner_organisation_order_name", { synchronize: false })
@Check("CHK_partner_organisation_website", `website IS NULL OR website ~ '^https?://[^/\\s]+'`)
@Check("CHK_partner_organisation_relation", `relation IN ('PARTNER', 'COOPERATION', 'MOU', 'FUNDER', 'RELATED')`)
@ObjectType("PartnerOrganisation", { implements: Node, description: "An organisation NEAR cooperates with." })
export class PartnerOrganisation {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

  @Index("UQ_partner_organisation_slug", { unique: true })
  @Column({ type: "text" })
  @Field(() => String)
  slug: string;

  @Column({ type: "text" })
  nameEn: string;

  @Column({ type: "text", nullable: true })
  nameZh: string | null;

  @Index("IDX_partner_organisation_relation")
  @Column({ type: "text" })
  @Field(() => PartnerRelation)
  relation: PartnerRelation;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The website as an absolute URL a browser can follow." })
  website: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The website as the report printed it, where that differs (a bare host name).",
  })
  websiteAsPrinted: string | null;

  @SourceField()
  source: string | null;

  @SourceField()
  notes: string | null;
}
