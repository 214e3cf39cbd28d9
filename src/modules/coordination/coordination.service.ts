import { committeeFloor, coordination, coordinationChangeDays } from "../../charter";
import type { CoordinationInput } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { associationRecord, reasonsOn } from "../association";
import { coordinatorTermsByCommittee } from "../committee";
import type { CommitteeWithLife } from "../committee";
import { eventsByCommittee } from "../event";
import { Government, governmentById } from "../government";
import { MeetingStatus, meetingsByCommittee } from "../meeting";
import { CoordinationType, CoordinatorCurrentTermType } from "./coordination.types";

/** What the charter needs about a committee's coordination, whatever the day. */
async function coordinationInputOf(uow: UnitOfWork, committee: CommitteeWithLife): Promise<Omit<CoordinationInput, "asOf">> {
  const [terms, meetings, events, association] = await Promise.all([
    uow.loaders.get(coordinatorTermsByCommittee).load(committee.id),
    uow.loaders.get(meetingsByCommittee).load(committee.id),
    uow.loaders.get(eventsByCommittee).load(committee.id),
    uow.loaders.get(associationRecord).load(1),
  ]);
  const governments = await uow.loaders.get(governmentById).loadMany(terms.map((t) => t.governmentId));
  const spells = terms.map((term, index) => {
    const government = governments[index];
    return {
      government: government instanceof Government ? government.slug : String(term.governmentId),
      startedOn: term.startedOn,
      startPrecision: term.startPrecision,
      attestedOn: term.attestedOn,
      endedOn: term.endedOn,
      endPrecision: term.endPrecision,
    };
  });
  const activities = [...meetings.filter((m) => m.status === MeetingStatus.HELD).map((m) => m.startsOn), ...events.map((e) => e.startsOn)];
  return { spells, activities, activityRecordsFrom: association.activityRecordsFrom, floor: committeeFloor(committee) };
}

/**
 * Who coordinates `committee` on `day`, their current term, and whether two years
 * without a meeting or event make them replaceable (Committee Reg. Art. 5).
 */
export async function coordinationOf(uow: UnitOfWork, committee: CommitteeWithLife, day: IsoDate): Promise<CoordinationType> {
  const verdict = coordination({ ...(await coordinationInputOf(uow, committee)), asOf: day });
  return Object.assign(new CoordinationType(), {
    ...verdict,
    asOf: day,
    coordinators: verdict.coordinators.map((c) => Object.assign(new CoordinatorCurrentTermType(), c)),
    reasons: await reasonsOn(uow, day, verdict.reasons),
  });
}

/** The days up to `until` on which the committee's coordination can change (`coordinationChangeDays`). */
export async function coordinationChangeDaysOf(uow: UnitOfWork, committee: CommitteeWithLife, until: IsoDate): Promise<IsoDate[]> {
  return coordinationChangeDays(await coordinationInputOf(uow, committee), until);
}
