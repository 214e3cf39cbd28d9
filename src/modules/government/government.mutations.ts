import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { UpdateGovernmentProfileInput, UpdateGovernmentProfileSuccess } from "./government.inputs";
import { updateGovernmentProfile } from "./government.writes";

const UpdateGovernmentProfileResult = mutationResult("UpdateGovernmentProfile", UpdateGovernmentProfileSuccess);

@Resolver()
export class GovernmentMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => UpdateGovernmentProfileResult, {
    description: "Website, capital, description, head of government, contact, coordinates, logo: each with the source that gives it.",
  })
  updateGovernmentProfile(
    @Arg("input", () => UpdateGovernmentProfileInput) input: UpdateGovernmentProfileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof UpdateGovernmentProfileResult> {
    return runMutation(ctx, "updateGovernmentProfile", input, (uow) => updateGovernmentProfile(uow, input));
  }
}
