import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PartnerOrganisation, PartnerRelation } from "./partner-organisation.entity";

@InputType("AddPartnerInput")
export class AddPartnerInput {
  @Field(() => String, { description: "Stable key, lower case with hyphens." })
  slug: string;

  @Field(() => String)
  nameEn: string;

  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => PartnerRelation)
  relation: PartnerRelation;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "An absolute http(s) URL." })
  website?: string | null;

  @Field(() => String)
  source: string;
}

@InputType("UpdatePartnerInput", { description: "A field left out stays as it is; null clears an optional one." })
export class UpdatePartnerInput {
  @Field(() => ID, { description: "The partner's global ID." })
  partner: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => PartnerRelation, { nullable: true })
  relation?: PartnerRelation | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { description: "Where the change comes from." })
  source: string;
}

@ObjectType("PartnerWriteSuccess")
export class PartnerWriteSuccess {
  @Field(() => PartnerOrganisation)
  partner: PartnerOrganisation;
}
