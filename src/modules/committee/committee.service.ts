import type { UnitOfWork } from "../../core/context";
import { nonEmptyList, searchText } from "../../core/filters";
import { committeeLife, coordinatorTermPeriod, heldSql, mayBeHeldSql } from "../../core/sql";
import { likePattern, paginate, wholeEntities } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { Committee } from "./committee.entity";
import { CommitteeOrder, CommitteeStatus } from "./committee.args";
import type { CommitteesArgs } from "./committee.args";
import { leanMany } from "../../core/reads/lean-many";
import { WHOLE_READ, allColumnsOf, leanReadsOn } from "../../core/reads/column-plan";
import type { ReadPlan } from "../../core/reads/column-plan";

const byNumber = { sql: "COALESCE(c.number, 0)", value: (c: Committee) => c.number ?? 0 };
const bySlug = { sql: `c.slug COLLATE "C"`, value: (c: Committee) => c.slug };
const byName = { sql: `COALESCE(c.name_en, '') COLLATE "C"`, value: (c: Committee) => c.nameEn ?? "" };

const ORDERINGS: Record<CommitteeOrder, Ordering<Committee>> = {
  [CommitteeOrder.NUMBER_ASC]: { name: "NUMBER", descending: false, keys: [byNumber, bySlug] },
  [CommitteeOrder.NUMBER_DESC]: { name: "NUMBER", descending: true, keys: [byNumber, bySlug] },
  [CommitteeOrder.NAME_ASC]: { name: "NAME", descending: false, keys: [byName, bySlug] },
  [CommitteeOrder.NAME_DESC]: { name: "NAME", descending: true, keys: [byName, bySlug] },
};

/** A page of committees; with `read`, read lean with the child lists its fields read brought in its statement. */
export function listCommittees(
  { em, today, loaders }: UnitOfWork,
  args: CommitteesArgs,
  read: ReadPlan<Committee> = WHOLE_READ,
): Promise<ConnectionValue<Committee>> {
  const filter = args.filter ?? {};
  const query = em
    .getRepository(Committee)
    .createQueryBuilder("c")
    .setParameter("asOf", filter.asOf ?? today);
  const kinds = nonEmptyList(filter.kinds, "filter.kinds");
  if (kinds) query.andWhere("c.kind IN (:...kinds)", { kinds });
  switch (filter.status) {
    case CommitteeStatus.ABOLISHED:
      query.andWhere("c.abolished_on <= :asOf");
      break;
    case CommitteeStatus.NOT_YET_ESTABLISHED:
      query.andWhere(`NOT ${mayBeHeldSql(committeeLife("c"), ":asOf")} AND (c.abolished_on IS NULL OR c.abolished_on > :asOf)`);
      break;
    case CommitteeStatus.ACTIVE:
      query.andWhere(heldSql(committeeLife("c"), ":asOf"));
      break;
    case CommitteeStatus.UNKNOWN:
      query.andWhere(`${mayBeHeldSql(committeeLife("c"), ":asOf")} AND NOT ${heldSql(committeeLife("c"), ":asOf")}`);
      break;
    default:
  }
  if (filter.coordinator) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM coordinator_term t JOIN government g ON g.id = t.government_id
               WHERE t.committee_id = c.id AND g.slug = :coordinator
                 AND ${heldSql(coordinatorTermPeriod("t", "c"), ":asOf")})`,
      { coordinator: filter.coordinator },
    );
  }
  const text = searchText(filter.search, "filter.search");
  if (text !== null) {
    query.andWhere("(c.name_en ILIKE :pattern OR c.name_zh ILIKE :pattern)", { pattern: likePattern(text) });
  }
  // The orderings' cursors read the number, the slug and the English name.
  const columns = read.columns ? [...new Set([...read.columns, "number", "slug", "nameEn"])] : allColumnsOf(em.connection, Committee);
  const lean = (finished: typeof query) => leanMany(em, finished, Committee, "c", columns, { children: read.children(), loaders });
  return paginate(em, query, ORDERINGS[args.orderBy], args, leanReadsOn() ? lean : wholeEntities);
}
