import { Field, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { ReasonType } from "../../core/reasons";
import { DateScalar } from "../../core/scalars";

@ObjectType("Chair", { description: "The chair on a day (Charter Art. 7(1))." })
export class ChairType {
  /** Slug of the chair's government, or null when no sitting names one. */
  government: string | null;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the term as the records stand; null for an open extension." })
  until: IsoDate | null;

  @Field(() => Int, { nullable: true, description: "The General Assembly its government hosts." })
  assemblyNumber: number | null;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}
