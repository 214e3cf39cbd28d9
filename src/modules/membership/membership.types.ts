import { Field, ObjectType } from "type-graphql";
import { CERTAINTIES } from "../../charter";
import type { Certainty as CharterCertainty } from "../../charter";
import { enumFrom } from "../../core/enums";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";

export const Certainty = enumFrom(
  CERTAINTIES,
  "Certainty",
  "KNOWN: the sources say so for the day; UNKNOWN: the day lies where their dates are imprecise or missing (nothing is guessed).",
);
export type Certainty = CharterCertainty;

@ObjectType("DateWindow", { description: "The days a date the sources give only roughly, or not at all, can fall on." })
export class DateWindowType {
  @Field(() => DateScalar)
  earliest: IsoDate;

  @Field(() => DateScalar, { nullable: true, description: "Null when no source attests it yet." })
  latest: IsoDate | null;
}
