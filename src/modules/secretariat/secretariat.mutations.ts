import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { AppointStaffInput, AppointmentWriteSuccess, EndAppointmentInput } from "./secretariat.inputs";
import { appointStaff, endAppointment } from "./secretariat.writes";

const AppointmentWriteResult = mutationResult("AppointmentWrite", AppointmentWriteSuccess);

/** The secretariat's staffing (Charter Art. 13): who takes up and leaves which post. */
@Resolver()
export class SecretariatMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => AppointmentWriteResult, { description: "A person (known or new) takes up a post." })
  appointStaff(
    @Arg("input", () => AppointStaffInput) input: AppointStaffInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof AppointmentWriteResult> {
    return runMutation(ctx, "appointStaff", input, (uow) => appointStaff(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => AppointmentWriteResult, { description: "An appointment ends." })
  endAppointment(
    @Arg("input", () => EndAppointmentInput) input: EndAppointmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof AppointmentWriteResult> {
    return runMutation(ctx, "endAppointment", input, (uow) => endAppointment(uow, input));
  }
}
