import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { mutationResult, runMutation } from "../access";
import { correctDecision } from "./decision.writes";
import {
  CorrectDecisionInput,
  CorrectDecisionSuccess,
  MeetingWriteSuccess,
  RecordAttendanceInput,
  RecordMeetingInput,
  RecordVoteInput,
  RecordVoteSuccess,
} from "./meeting.inputs";
import { recordAttendance, recordMeetingWrite, recordVote } from "./meeting.writes";

const MeetingWriteResult = mutationResult("MeetingWrite", MeetingWriteSuccess);
const RecordVoteResult = mutationResult("RecordVote", RecordVoteSuccess);
const CorrectDecisionResult = mutationResult("CorrectDecision", CorrectDecisionSuccess);

@Resolver()
export class MeetingMutations {
  @Authorized("SECRETARIAT")
  @Mutation(() => MeetingWriteResult, {
    description:
      "Records a held meeting: attendance, agenda items, votes, and the decisions the charter takes on them with the records known now (kept as recorded).",
  })
  recordMeeting(
    @Arg("input", () => RecordMeetingInput) input: RecordMeetingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MeetingWriteResult> {
    return runMutation(ctx, "recordMeeting", input, (uow) => recordMeetingWrite(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => MeetingWriteResult, {
    description: "Adds governments to a recorded meeting's attendance, and records its decisions again on the completed record.",
  })
  recordAttendance(
    @Arg("input", () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof MeetingWriteResult> {
    return runMutation(ctx, "recordAttendance", input, (uow) => recordAttendance(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => RecordVoteResult, {
    description:
      "Records a present government's vote on an agenda item, and records the meeting's decisions again on the completed record.",
  })
  recordVote(@Arg("input", () => RecordVoteInput) input: RecordVoteInput, @Ctx() ctx: RequestContext): Promise<typeof RecordVoteResult> {
    return runMutation(ctx, "recordVote", input, (uow) => recordVote(uow, input));
  }

  @Authorized("SECRETARIAT")
  @Mutation(() => CorrectDecisionResult, {
    description:
      "Settles a DISCREPANCY: decides an agenda item again on the records known now and records it as a correction, with the reason. A changed outcome needs acknowledgeRecomputation.",
  })
  correctDecision(
    @Arg("input", () => CorrectDecisionInput) input: CorrectDecisionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof CorrectDecisionResult> {
    return runMutation(ctx, "correctDecision", input, (uow) => correctDecision(uow, input));
  }
}
