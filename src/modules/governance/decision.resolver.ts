import { Arg, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root, registerEnumType } from "type-graphql";
import { decide, quorumRequired, ruleFor } from "../../charter";
import type { Decision } from "../../charter";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { AgendaItem, Meeting, VoteChoice, attendanceByMeeting, meetingById } from "../meeting";
import { DecisionRuleType, DecisionType, QuorumType, TallyType } from "./governance.types";
import type { DecisionOutcome, Majority } from "./governance.types";
import { applyRule, toReasons, votingMemberIdsOn } from "./governance.service";
import {
  countTally,
  decidingBodyOf,
  decisionOf,
  resolveAttendance,
  resolveVotes,
  tallyOf,
  yearHasGeneralAssembly,
} from "./decision.service";

export enum DecidingBody {
  GENERAL_ASSEMBLY = "GENERAL_ASSEMBLY",
  WORKING_COMMITTEE = "WORKING_COMMITTEE",
}
registerEnumType(DecidingBody, { name: "DecidingBody" });

function toDecision(decision: Decision): DecisionType {
  return Object.assign(new DecisionType(), {
    ...decision,
    outcome: decision.outcome as DecisionOutcome,
    reasons: toReasons(decision.reasons),
  });
}

function toRule(charterItem: number, body: "GENERAL_ASSEMBLY" | "WORKING_COMMITTEE", argumentPrefix = ""): DecisionRuleType {
  const rule = applyRule(() => ruleFor(charterItem, body), argumentPrefix);
  return Object.assign(new DecisionRuleType(), { ...rule, majority: rule.majority as Majority });
}

@InputType("ProposedVote")
class ProposedVoteInput {
  @Field(() => String, { description: "Government slug." })
  government: string;

  @Field(() => VoteChoice)
  choice: VoteChoice;
}

@InputType("DecisionInput", { description: "A decision to evaluate: who attends, how they vote, under which Art. 8 item." })
class DecisionInput {
  @Field(() => DecidingBody)
  body: DecidingBody;

  @Field(() => DateScalar, { description: "The meeting day: voting rights and Art. 9-2 are judged on it." })
  date: IsoDate;

  @Field(() => Int, { description: "Charter Art. 8 item, 1-11." })
  charterItem: number;

  @Field(() => Boolean, { defaultValue: false })
  writtenConsultation: boolean;

  @Field(() => [String], { description: "Slugs of the governments present (or replying)." })
  attendance: string[];

  @Field(() => [ProposedVoteInput])
  votes: ProposedVoteInput[];
}

@ObjectType("DecisionEvaluation")
class DecisionEvaluation {
  @Field(() => DecisionRuleType)
  rule: DecisionRuleType;

  @Field(() => TallyType)
  tally: TallyType;

  @Field(() => DecisionType)
  decision: DecisionType;
}

@Resolver(() => Meeting)
export class MeetingQuorumResolver {
  @FieldResolver(() => QuorumType, {
    description: "Charter Art. 9(2) on the meeting day; `present` counts only governments with voting rights.",
  })
  async quorum(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<QuorumType> {
    const voting = new Set(await votingMemberIdsOn(ctx, meeting.startsOn));
    const required = quorumRequired(voting.size);
    if (!meeting.attendanceRecorded)
      return Object.assign(new QuorumType(), { votingMembers: voting.size, present: null, required, met: null });
    const present = (await ctx.loaders.get(attendanceByMeeting).load(meeting.id)).filter((id) => voting.has(id)).length;
    return Object.assign(new QuorumType(), { votingMembers: voting.size, present, required, met: present >= required });
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemDecisionResolver {
  @FieldResolver(() => DecisionRuleType, {
    nullable: true,
    description: "Null for bodies other than the General Assembly and Working Committee.",
  })
  async rule(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<DecisionRuleType | null> {
    const meeting = await ctx.loaders.get(meetingById).load(item.meetingId);
    const body = meeting ? await decidingBodyOf(ctx, meeting) : null;
    return body === null ? null : toRule(item.charterItem, body);
  }

  @FieldResolver(() => TallyType)
  async tally(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<TallyType> {
    const meeting = (await ctx.loaders.get(meetingById).load(item.meetingId))!;
    return Object.assign(new TallyType(), await tallyOf(ctx, meeting, item));
  }

  @FieldResolver(() => DecisionType, { nullable: true, description: "Derived from the tally by the charter's rules; never stored." })
  async outcome(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<DecisionType | null> {
    const meeting = (await ctx.loaders.get(meetingById).load(item.meetingId))!;
    const decision = await decisionOf(ctx, meeting, item);
    return decision === null ? null : toDecision(decision);
  }
}

@Resolver()
export class DecisionEvaluationResolver {
  @Query(() => DecisionEvaluation, { description: "What-if: would this decision stand under the charter? Nothing is recorded." })
  async evaluateDecision(@Arg("input", () => DecisionInput) input: DecisionInput, @Ctx() ctx: RequestContext): Promise<DecisionEvaluation> {
    const rule = toRule(input.charterItem, input.body, "input.");
    const present = await resolveAttendance(ctx, input.attendance, "input");
    const votes = await resolveVotes(ctx, input.date, present, input.votes, "input");
    const voting = new Set(await votingMemberIdsOn(ctx, input.date));
    const tally = countTally(
      voting,
      present.map((g) => g.id),
      votes.map((v) => ({ governmentId: v.government.id, choice: v.choice })),
    );
    const hasAssembly = await yearHasGeneralAssembly(ctx, input.date);
    const decision = applyRule(
      () =>
        decide({
          body: input.body,
          charterItem: input.charterItem,
          yearHasGeneralAssembly: hasAssembly,
          writtenConsultation: input.writtenConsultation,
          ...tally,
        }),
      "input.",
    );
    return Object.assign(new DecisionEvaluation(), { rule, tally: Object.assign(new TallyType(), tally), decision: toDecision(decision) });
  }
}
