import { byStart } from "../../core/reads/keyed-rows";
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

export const appointmentsByStaffMember = manyByColumn(Appointment, "staffMemberId", { order: byStart() });

export const appointmentsByDispatchingGovernment = manyByColumn(Appointment, "dispatchedByGovernmentId", { order: byStart() });
