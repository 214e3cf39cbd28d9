import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { AddPartnerInput, PartnerWriteSuccess, UpdatePartnerInput } from "./partner.inputs";
import { addPartner, updatePartner } from "./partner.writes";

const PartnerWriteResult = mutationResult("PartnerWrite", PartnerWriteSuccess);

@Resolver()
export class PartnerMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => PartnerWriteResult, { description: "Adds a partner organisation." })
  addPartner(@Arg("input", () => AddPartnerInput) input: AddPartnerInput, @Ctx() ctx: RequestContext): Promise<typeof PartnerWriteResult> {
    return runMutation(ctx, "addPartner", input, (uow) => addPartner(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => PartnerWriteResult, { description: "Changes a partner organisation." })
  updatePartner(
    @Arg("input", () => UpdatePartnerInput) input: UpdatePartnerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof PartnerWriteResult> {
    return runMutation(ctx, "updatePartner", input, (uow) => updatePartner(uow, input));
  }
}
