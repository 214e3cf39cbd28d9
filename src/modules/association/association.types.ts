import { Field, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";

@ObjectType("About", { description: "The hub's records as a whole." })
export class About {
  @Field(() => String)
  name: string;

  @Field(() => DateScalar, {
    description: "The records are complete up to this day. Answers for a later `asOf` use what is known and may miss later changes.",
  })
  factsCompleteUntil: IsoDate;

  @Field(() => String, { description: "Where the shipped facts come from." })
  factsSource: string;

  @Field(() => DateScalar, { description: "The day `asOf` means when left out: today, UTC." })
  today: IsoDate;
}

@ObjectType("Association", {
  description: "NEAR as a whole: its chair, its voting members, its records. (The facts horizon is on `about`.)",
})
export class AssociationType {
  @Field(() => String)
  name: string;

  @Field(() => Int, { description: "Send it back with openDuesLedger; a stale one gets CONFLICT." })
  version: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "From this day every committee meeting and event is recorded. Null: no period is.",
  })
  activityRecordsFrom: IsoDate | null;

  secretariatHostGovernmentId: number | null;
}
