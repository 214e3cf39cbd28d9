import { Certainty } from "../membership";
import { Field, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { ReasonType } from "../../core/reasons";
import { DateScalar } from "../../core/scalars";

@ObjectType("CoordinatorCurrentTerm", { description: "A coordinator's current 2-year term (Committee Reg. Art. 5(2))." })
export class CoordinatorCurrentTermType {
  /** Slug of the coordinating government. */
  government: string;

  @Field(() => Int, { nullable: true, description: "1 for the first term of the spell; null when its start is undated." })
  termNumber: number | null;

  @Field(() => DateScalar, { nullable: true })
  termStart: IsoDate | null;

  @Field(() => DateScalar, { nullable: true })
  termEnd: IsoDate | null;

  @Field(() => Certainty, {
    description: "UNKNOWN when the day lies where the sources date the coordination only roughly, or not at all (the reasons say how).",
  })
  certainty: Certainty;
}

@ObjectType("Coordination", {
  description: "Who coordinates a committee on a day, and whether inactivity makes them replaceable (Committee Reg. Art. 5).",
})
export class CoordinationType {
  @Field(() => DateScalar)
  asOf: IsoDate;

  @Field(() => [CoordinatorCurrentTermType], { description: "Several when co-coordinated (Art. 5(2))." })
  coordinators: CoordinatorCurrentTermType[];

  @Field(() => Boolean, { description: "Terms are renewable (Art. 5(2))." })
  renewable: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Latest recorded meeting or event of the committee up to `asOf`." })
  lastActivity: IsoDate | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "At least one meeting or event in the current term (Art. 5(4)); null when the records cannot tell.",
  })
  activeInCurrentTerm: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Two years or more without a meeting or event (Art. 5(7)); null when the records cannot tell.",
  })
  replaceable: boolean | null;

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}
