import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Government } from "./government.entity";

@InputType("UpdateGovernmentProfileInput", {
  description: "Profile fields with their source. A field left out stays as it is; null clears it.",
})
export class UpdateGovernmentProfileInput {
  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => Int, { description: "The government's version as you read it." })
  version: number;

  @Field(() => String, { description: "Where the values come from (required: the hub invents nothing)." })
  source: string;

  @Field(() => String, { nullable: true, description: "An absolute http(s) URL." })
  website?: string | null;

  @Field(() => String, { nullable: true })
  capital?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  headOfGovernment?: string | null;

  @Field(() => DateScalar, { nullable: true })
  headOfGovernmentSince?: IsoDate | null;

  @Field(() => String, { nullable: true, description: "Private: only SECRETARIAT and ADMIN read it back." })
  contact?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: "An absolute https URL." })
  logoUrl?: string | null;
}

@ObjectType("UpdateGovernmentProfileSuccess")
export class UpdateGovernmentProfileSuccess {
  @Field(() => Government)
  government: Government;
}
