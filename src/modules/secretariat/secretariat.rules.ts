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

type HistoryEntry = Pick<Appointment, "seq" | "status">;

/**
 * The holder this appointment followed: the latest earlier holder of the post who
 * has left it. Holders still in office sit side by side (a post with several seats,
 * such as the administrative officers), so they precede no one.
 */
export function predecessorIn<T extends HistoryEntry>(history: readonly T[], appointment: HistoryEntry): T | null {
  return history.filter((other) => other.seq < appointment.seq && other.status === AppointmentStatus.FORMER).at(-1) ?? null;
}

/** The holder who followed this appointment: the one whose predecessor it is. */
export function successorIn<T extends HistoryEntry>(history: readonly T[], appointment: HistoryEntry): T | null {
  return history.find((other) => other.seq > appointment.seq && predecessorIn(history, other)?.seq === appointment.seq) ?? null;
}
