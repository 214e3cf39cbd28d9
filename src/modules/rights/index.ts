import { AssociationRightsResolver, GovernmentRightsResolver, RestrictedMemberResolver } from "./rights.resolver";

export {
  duesByYear,
  duesHistoryOf,
  duesStandingOf,
  electionRightsOf,
  rightsChangeDaysOf,
  votingMemberIdsOn,
  votingRightsOf,
} from "./rights.service";

/** Voting and election rights, dues and arrears: Charter Art. 5-2, 7, 9(1); Dues Reg. Art. 5, 6. */
export const rightsResolvers = [GovernmentRightsResolver, AssociationRightsResolver, RestrictedMemberResolver] as const;
