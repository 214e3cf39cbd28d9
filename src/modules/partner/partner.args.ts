import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { PageArgs } from "../../core/pagination";
import { PartnerRelation } from "./partner-organisation.entity";

export enum PartnerOrder {
  NAME_ASC = "NAME_ASC",
  NAME_DESC = "NAME_DESC",
}
registerEnumType(PartnerOrder, { name: "PartnerOrder", description: "By English name; ties break on the slug." });

@InputType()
export class PartnerFilter {
  @Field(() => [PartnerRelation], { nullable: true })
  relations?: PartnerRelation[] | null;

  @Field(() => String, { nullable: true, description: "Text in the English or Chinese name (case-insensitive)." })
  search?: string | null;
}

@ArgsType()
export class PartnersArgs extends PageArgs {
  @Field(() => PartnerFilter, { nullable: true })
  filter?: PartnerFilter | null;

  @Field(() => PartnerOrder, { defaultValue: PartnerOrder.NAME_ASC })
  orderBy: PartnerOrder;
}
