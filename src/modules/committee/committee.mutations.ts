import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { Event, EventWriteResult } from "../event";
import { Committee } from "./committee.entity";
import { committeeById } from "./committee.loader";
import { AppointCoordinatorInput, AppointCoordinatorSuccess, RecordCommitteeActivityInput } from "./committee.inputs";
import { appointCoordinator, recordCommitteeActivity } from "./committee.writes";

const AppointCoordinatorResult = mutationResult("AppointCoordinator", AppointCoordinatorSuccess);

@Resolver()
export class CommitteeMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => AppointCoordinatorResult, { description: "A member government takes up the coordination of a specialised committee." })
  appointCoordinator(
    @Arg("input", () => AppointCoordinatorInput) input: AppointCoordinatorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof AppointCoordinatorResult> {
    return runMutation(ctx, "appointCoordinator", input, (uow) => appointCoordinator(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => EventWriteResult, { description: "Records a committee's activity (an event of the committee)." })
  recordCommitteeActivity(
    @Arg("input", () => RecordCommitteeActivityInput) input: RecordCommitteeActivityInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof EventWriteResult> {
    return runMutation(ctx, "recordCommitteeActivity", input, (uow) => recordCommitteeActivity(uow, input));
  }
}

@Resolver(() => Event)
export class EventCommitteeResolver {
  @FieldResolver(() => Committee, {
    nullable: true,
    description: "The committee whose activity this is (Committee Reg. Art. 5(4)), if any.",
  })
  committee(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<Committee | null> | null {
    return event.committeeId === null ? null : ctx.loaders.get(committeeById).load(event.committeeId);
  }
}
