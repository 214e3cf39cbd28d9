import { Field, GraphQLISODateTime, ID, InputType, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Government } from "../government";
import { Meeting } from "../meeting";
import { Appointment } from "../secretariat";

/** The kinds of committed change: each is a subscription of the same name, and what a webhook may ask for. */
export enum LiveEventKindType {
  MEMBERSHIP_CHANGED = "membershipChanged",
  DUES_STANDING_CHANGED = "duesStandingChanged",
  MEETING_RECORDED = "meetingRecorded",
  APPOINTMENT_CHANGED = "appointmentChanged",
  FACTS_HORIZON_MOVED = "factsHorizonMoved",
}
registerEnumType(LiveEventKindType, {
  name: "LiveEventKind",
  description: "A kind of committed change: the subscription of the same name (in camelCase) announces it.",
});

@InterfaceType("LiveEvent", { description: "A committed change, as a subscription announces it (docs/live.md)." })
export abstract class LiveEventType {
  @Field(() => ID, { description: "The same for every subscriber and webhook delivery of one change: drop one you have seen." })
  eventId: string;

  @Field(() => String, { description: "The mutation that made the change." })
  operation: string;

  @Field(() => GraphQLISODateTime, { description: "When the change was committed." })
  recordedAt: Date;
}

@ObjectType("MembershipChanged", {
  implements: LiveEventType,
  description: "A government admitted, its kind changed, or its membership ended.",
})
export class MembershipChanged extends LiveEventType {
  @Field(() => Government)
  government: Government;
}

@ObjectType("DuesStandingChanged", {
  implements: LiveEventType,
  description:
    "What decides a member's dues standing changed (a payment, a waiver, a ledger entry, its membership): ask for `government.duesStanding`.",
})
export class DuesStandingChanged extends LiveEventType {
  @Field(() => Government)
  government: Government;
}

@ObjectType("MeetingRecorded", { implements: LiveEventType, description: "A meeting recorded, or its attendance, votes or decisions." })
export class MeetingRecorded extends LiveEventType {
  @Field(() => Meeting)
  meeting: Meeting;
}

@ObjectType("AppointmentChanged", { implements: LiveEventType, description: "A secretariat appointment made or ended." })
export class AppointmentChanged extends LiveEventType {
  @Field(() => Appointment)
  appointment: Appointment;
}

@ObjectType("FactsHorizonMoved", { implements: LiveEventType, description: "The records are now complete to a later day." })
export class FactsHorizonMoved extends LiveEventType {
  @Field(() => DateScalar)
  factsCompleteUntil: IsoDate;
}

@InputType("GovernmentEventFilter", { description: "Only events about these governments or countries; leave it out for all." })
export class GovernmentEventFilter {
  @Field(() => [String], { nullable: true, description: "ISO 3166-1 alpha-2 codes of countries of the graph, such as KR." })
  countries?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Government IDs." })
  governments?: string[] | null;
}

@InputType("MeetingEventFilter", { description: "Only meetings of these committees; leave it out for all." })
export class MeetingEventFilter {
  @Field(() => [String], { nullable: true, description: "Committee slugs (`Committee.slug`), the assemblies' too." })
  committees?: string[] | null;
}
