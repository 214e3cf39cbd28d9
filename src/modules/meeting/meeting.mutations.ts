import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { MeetingWriteSuccess, RecordAttendanceInput, RecordMeetingInput, RecordVoteInput, RecordVoteSuccess } from "./meeting.inputs";
import { recordAttendance, recordMeetingWrite, recordVote } from "./meeting.writes";

const MeetingWriteResult = mutationResult("MeetingWrite", MeetingWriteSuccess);
const RecordVoteResult = mutationResult("RecordVote", RecordVoteSuccess);

@Resolver()
export class MeetingMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => MeetingWriteResult, {
    description: "Records a held meeting: attendance, agenda items, votes. Outcomes are derived, never stored.",
  })
  recordMeeting(
    @Arg("input", () => RecordMeetingInput) input: RecordMeetingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MeetingWriteResult> {
    return runMutation(ctx, "recordMeeting", input, (uow) => recordMeetingWrite(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => MeetingWriteResult, { description: "Adds governments to a recorded meeting's attendance." })
  recordAttendance(
    @Arg("input", () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MeetingWriteResult> {
    return runMutation(ctx, "recordAttendance", input, (uow) => recordAttendance(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => RecordVoteResult, { description: "Records a present government's vote on an agenda item." })
  recordVote(@Arg("input", () => RecordVoteInput) input: RecordVoteInput, @Ctx() ctx: RequestContext): Promise<typeof RecordVoteResult> {
    return runMutation(ctx, "recordVote", input, (uow) => recordVote(uow, input));
  }
}
