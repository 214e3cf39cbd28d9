import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../core/context";
import { AgendaItem } from "./agenda-item.entity";
import { DecisionInput } from "./decision.inputs";
import { evaluateDecision, outcomeOf, quorumOf, recomputedOf, ruleOf, tallyOf } from "./decision.service";
import {
  DecisionEvaluationType,
  DecisionRecomputationType,
  DecisionRuleType,
  QuorumType,
  RecordedDecisionType,
  TallyType,
} from "./decision.types";
import { Meeting } from "./meeting.entity";

@Resolver(() => Meeting)
export class MeetingQuorumResolver {
  @FieldResolver(() => QuorumType, {
    description:
      "Charter Art. 9(2) on the meeting day, as recorded with the meeting's decisions; `present` counts only governments with voting rights.",
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

  @FieldResolver(() => TallyType, { description: "As recorded with the decision (for a body deciding nothing: on the records known now)." })
  tally(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<TallyType> {
    return tallyOf(ctx, item);
  }

  @FieldResolver(() => RecordedDecisionType, {
    nullable: true,
    description:
      "The decision as recorded: decided by the charter's rules with what was known when the sitting was recorded. Null for bodies other than the General Assembly and Working Committee.",
  })
  outcome(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<RecordedDecisionType | null> {
    return outcomeOf(ctx, item);
  }

  @FieldResolver(() => DecisionRecomputationType, {
    nullable: true,
    description:
      "What today's records would decide, where that differs from the recorded decision (DISCREPANCY, TALLY_DIFFERS); null where they agree. The recorded decision stands until a correction is recorded (correctDecision).",
  })
  recomputed(@Root() item: AgendaItem, @Ctx() ctx: RequestContext): Promise<DecisionRecomputationType | null> {
    return recomputedOf(ctx, item);
  }
}

@Resolver()
export class DecisionEvaluationResolver {
  @Query(() => DecisionEvaluationType, { description: "What-if: would this decision stand under the charter? Nothing is recorded." })
  evaluateDecision(@Arg("input", () => DecisionInput) input: DecisionInput, @Ctx() ctx: RequestContext): Promise<DecisionEvaluationType> {
    return evaluateDecision(ctx, input);
  }
}
