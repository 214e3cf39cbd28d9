import { Field, InputType, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { EventInput } from "../event";
import { CoordinatorTerm } from "./coordinator-term.entity";

@InputType("AppointCoordinatorInput", {
  description: "A member government taking up the coordination of a specialised committee (Committee Reg. Art. 5).",
})
export class AppointCoordinatorInput {
  @Field(() => String, { description: "Committee slug, e.g. sc-09." })
  committee: string;

  @Field(() => Int, { description: "The committee's version as you read it." })
  version: number;

  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => DateScalar, { description: "First day: no earlier than the committee's establishment." })
  startedOn: IsoDate;

  @Field(() => String)
  source: string;
}

@InputType("RecordCommitteeActivityInput", { description: "An event of a committee: its activity (Committee Reg. Art. 5(4))." })
export class RecordCommitteeActivityInput {
  @Field(() => String, { description: "Committee slug." })
  committee: string;

  @Field(() => Int, { description: "The committee's version as you read it." })
  version: number;

  @Field(() => EventInput)
  event: EventInput;
}

@ObjectType("AppointCoordinatorSuccess")
export class AppointCoordinatorSuccess {
  @Field(() => CoordinatorTerm)
  term: CoordinatorTerm;
}
