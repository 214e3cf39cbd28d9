import type { UnitOfWork } from "../../core/context";
import { dateRange, nonEmptyList } from "../../core/filters";
import { paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { Meeting } from "./meeting.entity";
import { MeetingOrder } from "./meeting.args";
import type { MeetingsArgs } from "./meeting.args";
import { wholeRows } from "../../core/reads/lean-many";

const keys = [
  { sql: "m.starts_on", value: (m: Meeting) => m.startsOn },
  { sql: `m.title COLLATE "C"`, value: (m: Meeting) => m.title },
];
const ORDERINGS: Record<MeetingOrder, Ordering<Meeting>> = {
  [MeetingOrder.DATE_ASC]: { name: "DATE", descending: false, keys },
  [MeetingOrder.DATE_DESC]: { name: "DATE", descending: true, keys },
};

export function listMeetings({ em }: UnitOfWork, args: MeetingsArgs): Promise<ConnectionValue<Meeting>> {
  const filter = args.filter ?? {};
  const query = em.getRepository(Meeting).createQueryBuilder("m");
  if (filter.committee)
    query.andWhere("m.committee_id IN (SELECT c.id FROM committee c WHERE c.slug = :committee)", { committee: filter.committee });
  const statuses = nonEmptyList(filter.statuses, "filter.statuses");
  if (statuses) query.andWhere("m.status IN (:...statuses)", { statuses });
  dateRange(filter.from, filter.to, "filter");
  if (filter.from) query.andWhere("m.ends_on >= :from", { from: filter.from });
  if (filter.to) query.andWhere("m.starts_on <= :to", { to: filter.to });
  return paginate(em, query, ORDERINGS[args.orderBy], args, wholeRows(em, Meeting, "m"));
}
