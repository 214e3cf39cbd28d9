import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { AdmitGovernmentInput, ChangeMembershipKindInput, EndMembershipInput, MembershipWriteSuccess } from "./admission.inputs";
import { admitGovernment, changeMembershipKind, endMembership } from "./admission.writes";

const MembershipWriteResult = mutationResult("MembershipWrite", MembershipWriteSuccess);

/** Membership periods: admissions decided by the General Assembly (Charter Art. 4, 8 item 1, 9(2)), changes of capacity, ends. */
@Resolver()
export class AdmissionMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => MembershipWriteResult, {
    description: "Admits a government (new or known) on a recorded decision whose derived outcome is PASSED; otherwise CharterRefusal.",
  })
  admitGovernment(
    @Arg("input", () => AdmitGovernmentInput) input: AdmitGovernmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MembershipWriteResult> {
    return runMutation(ctx, "admitGovernment", input, (uow) => admitGovernment(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => MembershipWriteResult, { description: "Changes a government's capacity: a new period, never an overwritten one." })
  changeMembershipKind(
    @Arg("input", () => ChangeMembershipKindInput) input: ChangeMembershipKindInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MembershipWriteResult> {
    return runMutation(ctx, "changeMembershipKind", input, (uow) => changeMembershipKind(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => MembershipWriteResult, { description: "Ends a membership period." })
  endMembership(
    @Arg("input", () => EndMembershipInput) input: EndMembershipInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MembershipWriteResult> {
    return runMutation(ctx, "endMembership", input, (uow) => endMembership(uow, input));
  }
}
