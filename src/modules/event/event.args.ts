import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { PageArgs } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { EventKind } from "./event.entity";

export enum EventOrder {
  DATE_ASC = "DATE_ASC",
  DATE_DESC = "DATE_DESC",
}
registerEnumType(EventOrder, { name: "EventOrder", description: "By first day; ties break on the English title." });

@InputType({ description: "All given conditions must hold." })
export class EventFilter {
  @Field(() => [EventKind], { nullable: true })
  kinds?: EventKind[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Events that last until this day or later." })
  from?: IsoDate | null;

  @Field(() => DateScalar, { nullable: true, description: "Events that start on this day or earlier." })
  to?: IsoDate | null;

  @Field(() => String, { nullable: true, description: "Text in the English or Chinese title (case-insensitive)." })
  search?: string | null;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventFilter, { nullable: true })
  filter?: EventFilter | null;

  @Field(() => EventOrder, { defaultValue: EventOrder.DATE_ASC })
  orderBy: EventOrder;
}
