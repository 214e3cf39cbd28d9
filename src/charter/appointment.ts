import type { Day } from "./calendar";

/** What the sources say of an appointment at the facts horizon: held, or left (also when the end date is unknown). */
export const APPOINTMENT_STATUSES = ["CURRENT", "FORMER"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** An appointment to a post of the secretariat, as far as its days go. */
export interface AppointmentPeriod {
  /** Null: the sources do not give it; the appointment counts as held since before the records. */
  startedOn: Day | null;
  /** The last day held; null while it lasts, or when a FORMER one's end is not given. */
  endedOn: Day | null;
  status: AppointmentStatus;
}

/**
 * Whether an appointment is held on `day`. An unknown start counts as "since before
 * the records"; a FORMER appointment with no end date ended on a day the sources do
 * not give, so it is never counted as held (no one can say when it was).
 */
export function appointmentHeldOn(appointment: AppointmentPeriod, day: Day): boolean {
  if (appointment.startedOn !== null && appointment.startedOn > day) return false;
  if (appointment.endedOn !== null) return day <= appointment.endedOn;
  return appointment.status === "CURRENT";
}
