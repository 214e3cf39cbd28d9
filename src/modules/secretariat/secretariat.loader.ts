import type { KeyedRead } from "../../core/lean-rows";
import { loaderById, manyByColumn, oneByColumn } from "../../core/loaders";
import { Appointment } from "./appointment.entity";
import { Department } from "./department.entity";
import { Post } from "./post.entity";
import { StaffMember } from "./staff-member.entity";

export const departmentById = loaderById(Department);
export const postById = loaderById(Post);
export const staffMemberById = loaderById(StaffMember);
export const appointmentById = loaderById(Appointment);

export const staffMemberBySlug = oneByColumn(StaffMember, "slug");

export const postBySlug = oneByColumn(Post, "slug");

export const postsByDepartment = manyByColumn(Post, "departmentId", { order: [["slug", "ASC"]] });

/** A post's holders in order of holding (seq): the post's history. */
export const appointmentsByPost = manyByColumn(Appointment, "postId", { order: [["seq", "ASC"]] });

/** Earliest first, an undated start first. */
const BY_START: KeyedRead<Appointment>["order"] = [
  ["startedOn", "ASC", "NULLS FIRST"],
  ["id", "ASC"],
];

export const appointmentsByStaffMember = manyByColumn(Appointment, "staffMemberId", { order: BY_START });

export const appointmentsByDispatchingGovernment = manyByColumn(Appointment, "dispatchedByGovernmentId", { order: BY_START });
