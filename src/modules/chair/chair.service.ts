import { chairChangeDays, chairOn } from "../../charter";
import type { AssemblySitting, ChairExtension } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { reasonsOn } from "../association";
import { CommitteeKind, committeeByKind } from "../committee";
import { Government, governmentById } from "../government";
import { agendaItemById, chairExtensions, meetingById, meetingsByCommittee } from "../meeting";
import { ChairType } from "./chair.types";

/** The General Assembly's sittings in the charter's terms. */
async function assemblySittings(uow: UnitOfWork): Promise<AssemblySitting[]> {
  const assembly = await uow.loaders.get(committeeByKind).load(CommitteeKind.GENERAL_ASSEMBLY);
  if (!assembly) return [];
  // A sitting without a recorded host names no chair, so it takes no part here.
  const hosted = (await uow.loaders.get(meetingsByCommittee).load(assembly.id)).flatMap((m) =>
    m.hostGovernmentId === null ? [] : [{ meeting: m, hostId: m.hostGovernmentId }],
  );
  const hosts = await uow.loaders.get(governmentById).loadMany(hosted.map((h) => h.hostId));
  return hosted.flatMap(({ meeting }, index) => {
    const host = hosts[index];
    if (!(host instanceof Government)) return [];
    return [
      { number: meeting.number, host: host.slug, startsOn: meeting.startsOn, endsOn: meeting.endsOn, postponedOn: meeting.postponedOn },
    ];
  });
}

/** Chair extensions as recorded decisions (the decision named by its meeting). */
async function recordedExtensions(uow: UnitOfWork): Promise<ChairExtension[]> {
  const rows = await uow.loaders.get(chairExtensions).load("all");
  return Promise.all(
    rows.map(async (row) => {
      const [government, item] = await Promise.all([
        uow.loaders.get(governmentById).load(row.governmentId),
        uow.loaders.get(agendaItemById).load(row.agendaItemId),
      ]);
      const meeting = item ? await uow.loaders.get(meetingById).load(item.meetingId) : null;
      return {
        government: government?.slug ?? String(row.governmentId),
        from: row.startsOn,
        until: row.until,
        decision: meeting ? `${meeting.title}, ${meeting.startsOn}` : "recorded decision",
      };
    }),
  );
}

/** The chair on `day` (Charter Art. 7(1)): the host of the next General Assembly, or a recorded extension. */
export async function chairOf(uow: UnitOfWork, day: IsoDate): Promise<ChairType> {
  const [sittings, extensions] = await Promise.all([assemblySittings(uow), recordedExtensions(uow)]);
  const verdict = chairOn(sittings, extensions, day);
  return Object.assign(new ChairType(), { ...verdict, asOf: day, reasons: await reasonsOn(uow, day, verdict.reasons) });
}

/** The days on which the chair can change (`chairChangeDays`). */
export async function chairChangeDaysOf(uow: UnitOfWork): Promise<IsoDate[]> {
  const [sittings, extensions] = await Promise.all([assemblySittings(uow), recordedExtensions(uow)]);
  return chairChangeDays(sittings, extensions);
}
