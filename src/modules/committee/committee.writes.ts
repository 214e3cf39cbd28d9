import type { UnitOfWork } from "../../core/context";
import { DatePrecision } from "../../core/dates";
import { InputError, NotFoundError } from "../../core/errors";
import { toGlobalId } from "../../core/node";
import { bumpVersion } from "../access";
import type { Written } from "../access";
import { EventWriteSuccess, createEvent } from "../event";
import { governmentBySlug } from "../government";
import { memberIdsOn } from "../membership";
import { Committee, CommitteeKind } from "./committee.entity";
import { AppointCoordinatorSuccess } from "./committee.inputs";
import type { AppointCoordinatorInput, RecordCommitteeActivityInput } from "./committee.inputs";
import { CoordinatorTerm } from "./coordinator-term.entity";

async function lockCommittee(uow: UnitOfWork, slug: string, version: number): Promise<Committee> {
  const found = await uow.em.getRepository(Committee).findOneBy({ slug });
  if (!found) throw new NotFoundError(`input.committee: no committee "${slug}"`, "input.committee");
  return bumpVersion(uow.em, Committee, "committee", { id: found.id }, version);
}

/** A coordinator term: a specialised committee, a member government on the first day, never before the committee exists. */
export async function appointCoordinator(uow: UnitOfWork, input: AppointCoordinatorInput): Promise<Written<AppointCoordinatorSuccess>> {
  const source = input.source.trim();
  if (source === "") throw new InputError("input.source must say where the appointment is recorded", "input.source");
  const committee = await lockCommittee(uow, input.committee, input.version);
  if (committee.kind !== CommitteeKind.SPECIALISED) {
    throw new InputError(
      `input.committee: only specialised committees have coordinators (Committee Reg. Art. 5); "${committee.slug}" is ${committee.kind}`,
      "input.committee",
    );
  }
  if (committee.establishedOn !== null && input.startedOn < committee.establishedOn) {
    throw new InputError(
      `input.startedOn (${input.startedOn}) is before the committee was established (${committee.establishedOn})`,
      "input.startedOn",
    );
  }
  if (committee.abolishedOn !== null && input.startedOn > committee.abolishedOn) {
    throw new InputError(
      `input.startedOn (${input.startedOn}) is after the committee was abolished (${committee.abolishedOn})`,
      "input.startedOn",
    );
  }
  const government = await uow.loaders.get(governmentBySlug).load(input.government);
  if (!government) throw new NotFoundError(`input.government: no government "${input.government}"`, "input.government");
  const members = await uow.loaders.get(memberIdsOn).load(input.startedOn);
  if (!members.includes(government.id)) {
    throw new InputError(
      `input.government: "${government.slug}" is not a member on ${input.startedOn}; coordinators are member governments`,
      "input.government",
    );
  }
  const repository = uow.em.getRepository(CoordinatorTerm);
  const earlier = await repository.find({ where: { committeeId: committee.id, governmentId: government.id }, order: { seq: "ASC" } });
  if (earlier.some((term) => term.endedOn === null)) {
    throw new InputError(`input.government: "${government.slug}" already coordinates "${committee.slug}"`, "input.government");
  }
  const term = await repository.save(
    repository.create({
      committeeId: committee.id,
      governmentId: government.id,
      seq: (earlier.at(-1)?.seq ?? 0) + 1,
      startedOn: input.startedOn,
      startPrecision: DatePrecision.DAY,
      endedOn: null,
      endPrecision: null,
      sourceSpeaksFor: null,
      source,
      notes: null,
    }),
  );
  return {
    result: Object.assign(new AppointCoordinatorSuccess(), { term }),
    targets: [toGlobalId("CoordinatorTerm", term.id), toGlobalId("Committee", committee.id)],
    before: null,
    after: term,
  };
}

/** An event of the committee; it counts as the committee's activity once published. */
export async function recordCommitteeActivity(uow: UnitOfWork, input: RecordCommitteeActivityInput): Promise<Written<EventWriteSuccess>> {
  const committee = await lockCommittee(uow, input.committee, input.version);
  if (committee.abolishedOn !== null && input.event.startsOn > committee.abolishedOn) {
    throw new InputError(
      `input.event.startsOn (${input.event.startsOn}) is after the committee was abolished (${committee.abolishedOn})`,
      "input.event.startsOn",
    );
  }
  const event = await createEvent(uow, input.event, committee.id, "input.event");
  return {
    result: Object.assign(new EventWriteSuccess(), { event }),
    targets: [toGlobalId("Event", event.id), toGlobalId("Committee", committee.id)],
    before: null,
    after: event,
  };
}
