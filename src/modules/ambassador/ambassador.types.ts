import { connectionType } from "../../core/pagination";
import { AmbassadorAppointment } from "./ambassador-appointment.entity";

export const AmbassadorAppointmentConnection = connectionType(AmbassadorAppointment, "AmbassadorAppointment");
