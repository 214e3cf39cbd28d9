import type { UnitOfWork } from "../../core/context";
import { Department } from "./department.entity";
import { searchText } from "../../core/filters";
import { likePattern, paginate } from "../../core/pagination";
import type { ConnectionValue, Ordering } from "../../core/pagination";
import { StaffMember } from "./staff-member.entity";
import { StaffOrder, StaffStatus } from "./secretariat.args";
import type { StaffArgs } from "./secretariat.args";
import { appointmentHeldSql } from "../../core/sql";
import { wholeRows } from "../../core/reads/lean-many";

const bySlug = { sql: `s.slug COLLATE "C"`, value: (s: StaffMember) => s.slug };
const ORDERINGS: Record<StaffOrder, Ordering<StaffMember>> = {
  [StaffOrder.SLUG_ASC]: { name: "SLUG", descending: false, keys: [bySlug] },
  [StaffOrder.SLUG_DESC]: { name: "SLUG", descending: true, keys: [bySlug] },
};

export function listStaff({ em, today }: UnitOfWork, args: StaffArgs): Promise<ConnectionValue<StaffMember>> {
  const filter = args.filter ?? {};
  const query = em
    .getRepository(StaffMember)
    .createQueryBuilder("s")
    .setParameter("asOf", filter.asOf ?? today);
  if (filter.department) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM appointment a JOIN post p ON p.id = a.post_id JOIN department d ON d.id = p.department_id
               WHERE a.staff_member_id = s.id AND d.slug = :department)`,
      { department: filter.department },
    );
  }
  if (filter.dispatchedBy) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM appointment a JOIN government g ON g.id = a.dispatched_by_government_id
               WHERE a.staff_member_id = s.id AND g.slug = :dispatchedBy)`,
      { dispatchedBy: filter.dispatchedBy },
    );
  }
  if (filter.status) {
    const held = `EXISTS (SELECT 1 FROM appointment a WHERE a.staff_member_id = s.id AND ${appointmentHeldSql("a", ":asOf")})`;
    query.andWhere(filter.status === StaffStatus.CURRENT ? held : `NOT ${held}`);
  }
  const text = searchText(filter.search, "filter.search");
  if (text !== null) query.andWhere("(s.name_zh ILIKE :pattern OR s.name_latin ILIKE :pattern)", { pattern: likePattern(text) });
  return paginate(em, query, ORDERINGS[args.orderBy], args, wholeRows(em, StaffMember, "s"));
}

/** The secretariat's departments, by slug. */
export function listDepartments({ em }: UnitOfWork): Promise<Department[]> {
  return em.getRepository(Department).find({ order: { slug: "ASC" } });
}
