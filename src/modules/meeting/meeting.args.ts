import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { PageArgs } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { MeetingStatus } from "./meeting.entity";

export enum MeetingOrder {
  DATE_ASC = "DATE_ASC",
  DATE_DESC = "DATE_DESC",
}
registerEnumType(MeetingOrder, { name: "MeetingOrder", description: "By first day; ties break on the title." });

@InputType({ description: "All given conditions must hold." })
export class MeetingFilter {
  @Field(() => String, { nullable: true, description: "Slug of the committee: general-assembly, working-committee, sc-14, …" })
  committee?: string | null;

  @Field(() => [MeetingStatus], { nullable: true })
  statuses?: MeetingStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Meetings that end on this day or later." })
  from?: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "Meetings that start on this day or earlier." })
  to?: IsoDate | null;
}

@ArgsType()
export class MeetingsArgs extends PageArgs {
  @Field(() => MeetingFilter, { nullable: true })
  filter?: MeetingFilter | null;

  @Field(() => MeetingOrder, { defaultValue: MeetingOrder.DATE_ASC })
  orderBy: MeetingOrder;
}
