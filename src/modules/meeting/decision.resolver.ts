import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { AgendaItem } from "./agenda-item.entity";
import { DecisionInput } from "./decision.inputs";
import { evaluateDecision, outcomeOf, quorumOf, ruleOf, tallyOf } from "./decision.service";
import { DecisionEvaluationType, DecisionRuleType, DecisionType, QuorumType, TallyType } from "./decision.types";
import { Meeting } from "./meeting.entity";

@Resolver(() => Meeting)
export class MeetingQuorumResolver {
  @FieldResolver(() => QuorumType, {
    description: "Charter Art. 9(2) on the meeting day; `present` counts only governments with voting rights.",
  })
  quorum(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<QuorumType> {
    return quorumOf(ctx, meeting);
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemDecisionResolver {
  @FieldResolver(() => DecisionRuleType, {
    nullable: true,
    description: "Null for bodies other than the General Assembly and Working Committee.",
  })
  rule(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<DecisionRuleType | null> {
    return ruleOf(ctx, item);
  }

  @FieldResolver(() => TallyType)
  tally(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<TallyType> {
    return tallyOf(ctx, item);
  }

  @FieldResolver(() => DecisionType, { nullable: true, description: "Derived from the tally by the charter's rules; never stored." })
  outcome(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<DecisionType | null> {
    return outcomeOf(ctx, item);
  }
}

@Resolver()
export class DecisionEvaluationResolver {
  @Query(() => DecisionEvaluationType, { description: "What-if: would this decision stand under the charter? Nothing is recorded." })
  evaluateDecision(@Arg("input", () => DecisionInput) input: DecisionInput, @Ctx() ctx: RequestContext): Promise<DecisionEvaluationType> {
    return evaluateDecision(ctx, input);
  }
}
