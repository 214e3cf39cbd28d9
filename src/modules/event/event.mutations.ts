import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { EventInput, EventWriteSuccess, PublishEventInput } from "./event.inputs";
import { publishEvent, recordEvent } from "./event.writes";

export const EventWriteResult = mutationResult("EventWrite", EventWriteSuccess);

@Resolver()
export class EventMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => EventWriteResult, { description: "Records an event, public at once or as a draft." })
  recordEvent(@Arg("input", () => EventInput) input: EventInput, @Ctx() ctx: RequestContext): Promise<typeof EventWriteResult> {
    return runMutation(ctx, "recordEvent", input, (uow) => recordEvent(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => EventWriteResult, { description: "Makes a draft event public." })
  publishEvent(
    @Arg("input", () => PublishEventInput) input: PublishEventInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof EventWriteResult> {
    return runMutation(ctx, "publishEvent", input, (uow) => publishEvent(uow, input));
  }
}
