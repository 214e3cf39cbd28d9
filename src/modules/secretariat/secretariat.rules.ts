import { AppointmentStatus } from "./appointment.entity";
import type { Appointment } from "./appointment.entity";

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
