import type { UnitOfWork } from "../../core/context";
import { dateRange } from "../../core/filters";
import { paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { AuditEntry } from "./audit-entry.entity";
import type { AuditLogArgs } from "./audit.args";
import { wholeRows } from "../../core/reads/lean-many";

// Newest first: ids grow with time.
const NEWEST_FIRST: Ordering<AuditEntry> = { name: "ID", descending: true, keys: [{ sql: "a.id", value: (a: AuditEntry) => a.id }] };

/** The audit log, newest first, filtered by operation, actor, target and time. */
export function listAuditEntries({ em }: UnitOfWork, args: AuditLogArgs): Promise<ConnectionValue<AuditEntry>> {
  const filter = args.filter ?? {};
  const query = em.getRepository(AuditEntry).createQueryBuilder("a");
  if (filter.operation) query.andWhere("a.operation = :operation", { operation: filter.operation });
  if (filter.actorLabel) query.andWhere("a.actor_label = :actorLabel", { actorLabel: filter.actorLabel });
  if (filter.targetId) query.andWhere(":targetId = ANY(a.target_ids)", { targetId: filter.targetId });
  dateRange(filter.from?.toISOString(), filter.to?.toISOString(), "filter");
  if (filter.from) query.andWhere("a.at >= :from", { from: filter.from });
  if (filter.to) query.andWhere("a.at <= :to", { to: filter.to });
  return paginate(em, query, NEWEST_FIRST, args, wholeRows(em, AuditEntry, "a"));
}
