import { AssociationResolver, ChairResolver, RestrictedMemberResolver } from "./association.resolver";
import { BudgetReviewResolver } from "./budget-review.resolver";
import { CommitteeCoordinationResolver, CoordinatorCurrentTermResolver } from "./coordination.resolver";
import { CostSharesResolver, MemberCostShareResolver } from "./cost-shares.resolver";
import { AgendaItemDecisionResolver, DecisionEvaluationResolver, MeetingQuorumResolver } from "./decision.resolver";
import { GovernmentRightsResolver } from "./government-rights.resolver";

export { recordMeeting } from "./meeting-record.service";
export type { MeetingRecordInput } from "./meeting-record.service";

/** The charter's derived fields, across the graph: rights, dues, chair, quorum and outcomes, cost shares, coordinators. */
export const governanceResolvers = [
  GovernmentRightsResolver,
  AssociationResolver,
  ChairResolver,
  RestrictedMemberResolver,
  MeetingQuorumResolver,
  AgendaItemDecisionResolver,
  DecisionEvaluationResolver,
  CostSharesResolver,
  MemberCostShareResolver,
  CommitteeCoordinationResolver,
  CoordinatorCurrentTermResolver,
  BudgetReviewResolver,
] as const;
