import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Event, EventKind } from "./event.entity";

@InputType("EventInput", { description: "A dated event as a source records it." })
export class EventInput {
  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => String)
  titleEn: string;

  @Field(() => String, { nullable: true })
  titleZh?: string | null;

  @Field(() => DateScalar)
  startsOn: IsoDate;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: IsoDate | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true, description: "Who took part, as the source says it." })
  participants?: string | null;

  @Field(() => String)
  source: string;

  @Field(() => Boolean, { defaultValue: false, description: "A draft stays the secretariat's until publishEvent." })
  draft: boolean;
}

@InputType("PublishEventInput")
export class PublishEventInput {
  @Field(() => ID)
  event: string;

  @Field(() => Int)
  version: number;
}

@ObjectType("EventWriteSuccess")
export class EventWriteSuccess {
  @Field(() => Event)
  event: Event;
}
