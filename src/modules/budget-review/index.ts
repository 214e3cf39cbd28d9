import { BudgetReviewResolver } from "./budget-review.resolver";

/** The Budget Review Committee's composition (Dues Reg. Art. 8). */
export const budgetReviewResolvers = [BudgetReviewResolver] as const;
