import type { Reason } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { toReasons } from "../../core/reasons";
import type { ReasonType } from "../../core/reasons";
import { associationRecord } from "./association.loader";
import { About, AssociationType } from "./association.types";

export async function aboutOf(uow: UnitOfWork): Promise<About> {
  const row = await uow.loaders.get(associationRecord).load(1);
  return Object.assign(new About(), {
    name: row.nameEn,
    factsCompleteUntil: row.factsCompleteUntil,
    factsSource: row.factsSource,
    today: uow.today,
  });
}

export async function associationOf(uow: UnitOfWork): Promise<AssociationType> {
  const row = await uow.loaders.get(associationRecord).load(1);
  return Object.assign(new AssociationType(), {
    name: row.nameEn,
    version: row.version,
    activityRecordsFrom: row.activityRecordsFrom,
    secretariatHostGovernmentId: row.secretariatHostGovernmentId,
  });
}

/**
 * The reasons of an answer for `day`, and, when `day` lies past the facts horizon, one
 * more saying the answer comes from records that stop there (DESIGN: "answers from
 * what is known and says so"). The association row is loaded once a request.
 */
export async function reasonsOn(uow: UnitOfWork, day: IsoDate, reasons: readonly Reason[]): Promise<ReasonType[]> {
  const { factsCompleteUntil } = await uow.loaders.get(associationRecord).load(1);
  if (day <= factsCompleteUntil) return toReasons(reasons);
  return toReasons([
    ...reasons,
    {
      code: "BEYOND_FACTS_HORIZON",
      article: "about.factsCompleteUntil",
      message: `${day} is after ${factsCompleteUntil}, where the hub's records end: this answer uses what was known then and misses any later change.`,
    },
  ]);
}
