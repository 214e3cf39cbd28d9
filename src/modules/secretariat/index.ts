import { defineNodeType, integerKey } from "../../core/node-registry";
import type { Appointment } from "./appointment.entity";
import type { Department } from "./department.entity";
import type { Post } from "./post.entity";
import type { StaffMember } from "./staff-member.entity";
import { SecretariatMutations } from "./secretariat.mutations";
import { appointmentById, departmentById, postById, staffMemberById } from "./secretariat.loader";
import {
  AppointmentResolver,
  DepartmentResolver,
  GovernmentStaffResolver,
  PostResolver,
  StaffMemberResolver,
} from "./secretariat.resolver";

export { Appointment, AppointmentStatus } from "./appointment.entity";
export { Department } from "./department.entity";
export { Post } from "./post.entity";
export { StaffMember } from "./staff-member.entity";
export { appointmentById, appointmentsByDispatchingGovernment } from "./secretariat.loader";

export const secretariatResolvers = [
  StaffMemberResolver,
  DepartmentResolver,
  PostResolver,
  AppointmentResolver,
  GovernmentStaffResolver,
  SecretariatMutations,
] as const;
export const secretariatNodeTypes = [
  defineNodeType<Department, number>({ typename: "Department", keyOf: (r) => r.id, parseKey: integerKey, loader: departmentById }),
  defineNodeType<Post, number>({ typename: "Post", keyOf: (r) => r.id, parseKey: integerKey, loader: postById }),
  defineNodeType<StaffMember, number>({ typename: "StaffMember", keyOf: (r) => r.id, parseKey: integerKey, loader: staffMemberById }),
  defineNodeType<Appointment, number>({ typename: "Appointment", keyOf: (r) => r.id, parseKey: integerKey, loader: appointmentById }),
];
