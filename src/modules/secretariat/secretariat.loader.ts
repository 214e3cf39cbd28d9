import type DataLoader from "dataloader";
import { Any } from "typeorm";
import { createLoader, loaderById, manyByKey, oneByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { Appointment } from "./appointment.entity";
import { Department } from "./department.entity";
import { Post } from "./post.entity";
import { StaffMember } from "./staff-member.entity";

export const departmentById = loaderById(Department);
export const postById = loaderById(Post);
export const staffMemberById = loaderById(StaffMember);
export const appointmentById = loaderById(Appointment);

export function staffMemberBySlug({ em }: LoaderScope): DataLoader<string, StaffMember | null> {
  return createLoader(async (slugs) =>
    oneByKey(slugs, await em.getRepository(StaffMember).findBy({ slug: Any([...slugs]) }), (row) => row.slug),
  );
}

export function postBySlug({ em }: LoaderScope): DataLoader<string, Post | null> {
  return createLoader(async (slugs) => oneByKey(slugs, await em.getRepository(Post).findBy({ slug: Any([...slugs]) }), (row) => row.slug));
}

export function postsByDepartment({ em }: LoaderScope): DataLoader<number, Post[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Post).find({ where: { departmentId: Any([...ids]) }, order: { slug: "ASC" } });
    return manyByKey(ids, rows, (row) => row.departmentId!);
  });
}

/** A post's holders in order of holding (seq): the post's history. */
export function appointmentsByPost({ em }: LoaderScope): DataLoader<number, Appointment[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Appointment).find({ where: { postId: Any([...ids]) }, order: { postId: "ASC", seq: "ASC" } });
    return manyByKey(ids, rows, (row) => row.postId);
  });
}

export function appointmentsByStaffMember({ em }: LoaderScope): DataLoader<number, Appointment[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Appointment).find({
      where: { staffMemberId: Any([...ids]) },
      order: { startedOn: { direction: "ASC", nulls: "FIRST" }, id: "ASC" },
    });
    return manyByKey(ids, rows, (row) => row.staffMemberId);
  });
}

export function appointmentsByDispatchingGovernment({ em }: LoaderScope): DataLoader<number, Appointment[]> {
  return createLoader(async (ids) => {
    const rows = await em.getRepository(Appointment).find({
      where: { dispatchedByGovernmentId: Any([...ids]) },
      order: { startedOn: { direction: "ASC", nulls: "FIRST" }, id: "ASC" },
    });
    return manyByKey(ids, rows, (row) => row.dispatchedByGovernmentId!);
  });
}
