import type { UnitOfWork } from "../../core/context";
import { DatePrecision } from "../../core/dates";
import { InputError } from "../../core/errors";
import { optionalText } from "../../core/inputs";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { updateVersioned } from "../access";
import type { Written } from "../access";
import { Event } from "./event.entity";
import { EventWriteSuccess } from "./event.inputs";
import type { EventInput, PublishEventInput } from "./event.inputs";

/** Checks and stores one event (of a committee, when `committeeId` is given); a same-day event of the same title is a duplicate. */
export async function createEvent(uow: UnitOfWork, input: EventInput, committeeId: number | null, prefix = "input"): Promise<Event> {
  const titleEn = input.titleEn.trim();
  if (titleEn === "" || titleEn.length > 500) throw new InputError(`${prefix}.titleEn must hold 1 to 500 characters`, `${prefix}.titleEn`);
  const source = input.source.trim();
  if (source === "") throw new InputError(`${prefix}.source must say where the event is recorded`, `${prefix}.source`);
  if (input.endsOn && input.endsOn < input.startsOn) {
    throw new InputError(`${prefix}.endsOn (${input.endsOn}) is before startsOn (${input.startsOn})`, `${prefix}.endsOn`);
  }
  const repository = uow.em.getRepository(Event);
  return repository.save(
    repository.create({
      titleEn,
      titleZh: optionalText(input.titleZh, `${prefix}.titleZh`),
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      startPrecision: DatePrecision.DAY,
      location: optionalText(input.location, `${prefix}.location`),
      participants: optionalText(input.participants, `${prefix}.participants`),
      committeeId,
      draft: input.draft,
      source,
      notes: null,
    }),
  );
}

export async function recordEvent(uow: UnitOfWork, input: EventInput): Promise<Written<EventWriteSuccess>> {
  const event = await createEvent(uow, input, null);
  return {
    result: Object.assign(new EventWriteSuccess(), { event }),
    targets: [toGlobalId("Event", event.id)],
    before: null,
    after: event,
  };
}

export async function publishEvent(uow: UnitOfWork, input: PublishEventInput): Promise<Written<EventWriteSuccess>> {
  const id = integerKeyOf(input.event, "Event", "input.event");
  const { before, after } = await updateVersioned(uow.em, Event, "event", { id }, input.version, { draft: false });
  if (!before.draft) throw new InputError("input.event: the event is already public", "input.event");
  return { result: Object.assign(new EventWriteSuccess(), { event: after }), targets: [toGlobalId("Event", id)], before, after };
}
