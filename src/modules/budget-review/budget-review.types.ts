import { Field, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { ReasonType } from "../../core/reasons";
import { DateScalar } from "../../core/scalars";

@ObjectType("BudgetReviewCheck", { description: "Whether a proposed Budget Review Committee meets Dues Reg. Art. 8(1)." })
export class BudgetReviewCheckType {
  @Field(() => Boolean)
  valid: boolean;

  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}
