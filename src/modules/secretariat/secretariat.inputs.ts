import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Appointment } from "./appointment.entity";

@InputType("NewStaffMemberInput")
export class NewStaffMemberInput {
  @Field(() => String, { description: "Stable key, lower case with hyphens, e.g. kim-young-hee." })
  slug: string;

  @Field(() => String, { nullable: true, description: "The name in Chinese characters, as the source prints it." })
  nameZh?: string | null;

  @Field(() => String, { nullable: true, description: "A Latin spelling, only where a source prints one." })
  nameLatin?: string | null;

  @Field(() => String, { nullable: true, description: "Work contact: private." })
  contact?: string | null;
}

@InputType("AppointStaffInput", { description: "A person taking up a post at the secretariat." })
export class AppointStaffInput {
  @Field(() => String, { nullable: true, description: "Slug of a known person. Give this or `newPerson`." })
  person?: string | null;

  @Field(() => NewStaffMemberInput, { nullable: true })
  newPerson?: NewStaffMemberInput | null;

  @Field(() => String, { description: "Post slug." })
  post: string;

  @Field(() => DateScalar)
  startedOn: IsoDate;

  @Field(() => String, { nullable: true, description: "Slug of the member government that dispatched the person (Charter Art. 13(2))." })
  dispatchedBy?: string | null;

  @Field(() => String, { nullable: true, description: "dispatched official, specialist (contract), …" })
  employment?: string | null;

  @Field(() => String, { nullable: true })
  roleZh?: string | null;

  @Field(() => String)
  source: string;
}

@InputType("EndAppointmentInput")
export class EndAppointmentInput {
  @Field(() => ID, { description: "The appointment's global ID." })
  appointment: string;

  @Field(() => Int)
  version: number;

  @Field(() => DateScalar, { description: "Last day in the post." })
  endedOn: IsoDate;

  @Field(() => String)
  source: string;
}

@ObjectType("AppointmentWriteSuccess")
export class AppointmentWriteSuccess {
  @Field(() => Appointment)
  appointment: Appointment;
}
