import { connectionType } from "../../core/pagination";
import { StaffMember } from "./staff-member.entity";

export const StaffMemberConnection = connectionType(StaffMember, "StaffMember");
