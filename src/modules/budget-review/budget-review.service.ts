import { checkBudgetReviewComposition } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { NotFoundError } from "../../core/errors";
import { associationRecord, reasonsOn } from "../association";
import { Government, governmentById, governmentBySlug } from "../government";
import { appointmentsByDispatchingGovernment } from "../secretariat";
import { appointmentHeldOn } from "../../charter";
import { BudgetReviewCheckType } from "./budget-review.types";

async function governmentsBySlugs(uow: UnitOfWork, slugs: readonly string[], argumentName: string): Promise<Government[]> {
  const found = await uow.loaders.get(governmentBySlug).loadMany(slugs);
  return found.map((government, index) => {
    if (!(government instanceof Government)) {
      throw new NotFoundError(`${argumentName}[${index}]: no government "${slugs[index]}"`, `${argumentName}[${index}]`);
    }
    return government;
  });
}

export interface BudgetReviewProposal {
  /** Slugs of the governments the members come from. */
  members: readonly string[];
  /** Slugs of the auditors' governments. */
  auditors: readonly string[];
  asOf: IsoDate;
}

/**
 * Checks a proposed Budget Review Committee (Dues Reg. Art. 8(1)): one member per
 * country, from governments dispatching officials on `asOf`, Korea's not the
 * secretariat's host, none an auditor's.
 */
export async function checkBudgetReview(uow: UnitOfWork, proposal: BudgetReviewProposal): Promise<BudgetReviewCheckType> {
  const day = proposal.asOf;
  const [candidates, auditorGovernments, association] = await Promise.all([
    governmentsBySlugs(uow, proposal.members, "members"),
    governmentsBySlugs(uow, proposal.auditors, "auditors"),
    uow.loaders.get(associationRecord).load(1),
  ]);
  const hostId = association.secretariatHostGovernmentId;
  const host = hostId === null ? null : await uow.loaders.get(governmentById).load(hostId);
  const dispatched = await uow.loaders.get(appointmentsByDispatchingGovernment).loadMany(candidates.map((g) => g.id));
  const verdict = checkBudgetReviewComposition({
    members: candidates.map((g, index) => {
      const appointments = dispatched[index];
      return {
        government: g.slug,
        country: g.countryCode,
        dispatchesOfficial: Array.isArray(appointments) && appointments.some((a) => a.dispatchedOfficial && appointmentHeldOn(a, day)),
      };
    }),
    secretariatHost: host?.slug ?? "",
    secretariatHostCountry: host?.countryCode ?? "",
    auditorGovernments: new Set(auditorGovernments.map((g) => g.slug)),
  });
  return Object.assign(new BudgetReviewCheckType(), {
    valid: verdict.valid,
    asOf: day,
    reasons: await reasonsOn(uow, day, verdict.reasons),
  });
}
