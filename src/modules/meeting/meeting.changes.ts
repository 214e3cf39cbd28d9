import type { LiveChange } from "../../core/live-event";
import type { Meeting } from "./meeting.entity";

/** A write to a meeting's record (the sitting, its attendance, votes or decisions): `meetingRecorded`. */
export function meetingChange(meeting: Pick<Meeting, "id" | "committeeId">): LiveChange {
  return { kind: "meetingRecorded", meetingId: meeting.id, committeeId: meeting.committeeId };
}
