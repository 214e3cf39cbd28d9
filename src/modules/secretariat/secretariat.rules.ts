import type { IsoDate } from "../../core/dates";
import { AppointmentStatus } from "./appointment.entity";
import type { Appointment } from "./appointment.entity";

/**
 * Whether an appointment is held on `day`. An unknown start counts as "since before
 * the records"; a FORMER appointment with no end date ended on a day the sources do
 * not give, so it is never counted as held (we cannot say when it was).
 */
export function heldOn(appointment: Pick<Appointment, "startedOn" | "endedOn" | "status">, day: IsoDate): boolean {
  if (appointment.startedOn !== null && appointment.startedOn > day) return false;
  if (appointment.endedOn !== null) return day <= appointment.endedOn;
  return appointment.status === AppointmentStatus.CURRENT;
}

/** The same test in SQL, over appointment alias `a` and parameter `:asOf`. */
export const HELD_ON_SQL =
  "(a.started_on IS NULL OR a.started_on <= :asOf) AND (a.ended_on >= :asOf OR (a.ended_on IS NULL AND a.status = 'CURRENT'))";
