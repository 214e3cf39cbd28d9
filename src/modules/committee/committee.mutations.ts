import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { EventWriteResult } from "../event";
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
