import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { PageArgs } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";

export enum StaffStatus {
  CURRENT = "CURRENT",
  FORMER = "FORMER",
}
registerEnumType(StaffStatus, {
  name: "StaffStatus",
  description: "CURRENT: holds a post on the day; FORMER: held one and holds none that day.",
});

export enum StaffOrder {
  SLUG_ASC = "SLUG_ASC",
  SLUG_DESC = "SLUG_DESC",
}
registerEnumType(StaffOrder, { name: "StaffOrder" });

@InputType({ description: "All given conditions must hold; `status` is judged on `asOf` (default today)." })
export class StaffFilter {
  @Field(() => String, { nullable: true, description: "Department slug, e.g. international-cooperation." })
  department?: string | null;

  @Field(() => StaffStatus, { nullable: true })
  status?: StaffStatus | null;

  @Field(() => String, { nullable: true, description: "Slug of the government that dispatched the person." })
  dispatchedBy?: string | null;

  @Field(() => String, { nullable: true, description: "Text in the Chinese or Latin name (case-insensitive)." })
  search?: string | null;

  @Field(() => DateScalar, { nullable: true })
  asOf?: IsoDate | null;
}

@ArgsType()
export class StaffArgs extends PageArgs {
  @Field(() => StaffFilter, { nullable: true })
  filter?: StaffFilter | null;

  @Field(() => StaffOrder, { defaultValue: StaffOrder.SLUG_ASC })
  orderBy: StaffOrder;
}
