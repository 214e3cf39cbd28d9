import { ArgsType, Field, InputType, Int, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { PageArgs } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { AmbassadorKind } from "./ambassador-appointment.entity";

export enum AmbassadorOrder {
  TERM_START_ASC = "TERM_START_ASC",
  TERM_START_DESC = "TERM_START_DESC",
}
registerEnumType(AmbassadorOrder, { name: "AmbassadorOrder", description: "Ties break on round and government." });

@InputType({ description: "All given conditions must hold." })
export class AmbassadorFilter {
  @Field(() => [String], { nullable: true, description: "ISO 3166-1 alpha-2 codes." })
  countries?: string[] | null;

  @Field(() => String, { nullable: true, description: "Slug of the nominating government." })
  government?: string | null;

  @Field(() => [AmbassadorKind], { nullable: true })
  kinds?: AmbassadorKind[] | null;

  @Field(() => Int, { nullable: true })
  round?: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Only appointments whose term covers this day." })
  activeOn?: IsoDate | null;
}

@ArgsType()
export class AmbassadorsArgs extends PageArgs {
  @Field(() => AmbassadorFilter, { nullable: true })
  filter?: AmbassadorFilter | null;

  @Field(() => AmbassadorOrder, { defaultValue: AmbassadorOrder.TERM_START_ASC })
  orderBy: AmbassadorOrder;
}
