import { loaderById, manyByColumn } from "../../core/loaders";
import { AmbassadorAppointment } from "./ambassador-appointment.entity";

export const ambassadorAppointmentById = loaderById(AmbassadorAppointment);

export const ambassadorAppointmentsByGovernment = manyByColumn(AmbassadorAppointment, "governmentId", {
  order: [
    ["termStart", "ASC"],
    ["id", "ASC"],
  ],
});
