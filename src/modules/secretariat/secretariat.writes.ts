import type { UnitOfWork } from "../../core/context";
import { DatePrecision } from "../../core/dates";
import { ConflictError, InputError, NotFoundError } from "../../core/errors";
import { optionalText } from "../../core/inputs";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { lockVersioned } from "../access";
import type { Written } from "../access";
import { governmentBySlug } from "../government";
import { Appointment, AppointmentStatus } from "./appointment.entity";
import { Post } from "./post.entity";
import { AppointmentWriteSuccess } from "./secretariat.inputs";
import type { AppointStaffInput, EndAppointmentInput } from "./secretariat.inputs";
import { StaffMember } from "./staff-member.entity";
import type { LiveChange } from "../../core/live-event";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Names, roles and employment are short. */
const checkText = (value: string | null | undefined, field: string) => optionalText(value, field, 500);

async function personFor(uow: UnitOfWork, input: AppointStaffInput): Promise<StaffMember> {
  if ((input.person ? 1 : 0) + (input.newPerson ? 1 : 0) !== 1) {
    throw new InputError("Give exactly one of input.person (a known person) and input.newPerson", "input.person");
  }
  const repository = uow.em.getRepository(StaffMember);
  if (input.person) {
    const known = await repository.findOneBy({ slug: input.person });
    if (!known) throw new NotFoundError(`input.person: no staff member "${input.person}"`, "input.person");
    return known;
  }
  const person = input.newPerson!;
  if (!SLUG.test(person.slug))
    throw new InputError(`input.newPerson.slug must be lower case words joined by hyphens, got "${person.slug}"`, "input.newPerson.slug");
  const nameZh = checkText(person.nameZh, "input.newPerson.nameZh");
  const nameLatin = checkText(person.nameLatin, "input.newPerson.nameLatin");
  if (nameZh === null && nameLatin === null) throw new InputError("input.newPerson needs nameZh or nameLatin", "input.newPerson.nameZh");
  if (await repository.existsBy({ slug: person.slug }))
    throw new ConflictError(`input.newPerson.slug: "${person.slug}" is already a staff member; give it as input.person`);
  return repository.save(
    repository.create({
      slug: person.slug,
      nameZh,
      nameLatin,
      contact: checkText(person.contact, "input.newPerson.contact"),
      source: input.source.trim(),
      notes: null,
    }),
  );
}

/** A person takes up a post: a new appointment after the post's earlier ones. A person holds a post once at a time. */
export async function appointStaff(uow: UnitOfWork, input: AppointStaffInput): Promise<Written<AppointmentWriteSuccess>> {
  const source = input.source.trim();
  if (source === "") throw new InputError("input.source must say where the appointment is recorded", "input.source");
  if (input.startedOn > uow.today)
    throw new InputError(`input.startedOn (${input.startedOn}) is in the future: record what has happened`, "input.startedOn");
  const post = await uow.em.getRepository(Post).findOneBy({ slug: input.post });
  if (!post) throw new NotFoundError(`input.post: no post "${input.post}"`, "input.post");
  const dispatcher = input.dispatchedBy ? await uow.loaders.get(governmentBySlug).load(input.dispatchedBy) : null;
  if (input.dispatchedBy && !dispatcher)
    throw new NotFoundError(`input.dispatchedBy: no government "${input.dispatchedBy}"`, "input.dispatchedBy");
  const person = await personFor(uow, input);
  const repository = uow.em.getRepository(Appointment);
  const earlier = await repository.find({ where: { postId: post.id }, order: { seq: "ASC" } });
  if (earlier.some((a) => a.staffMemberId === person.id && a.status === AppointmentStatus.CURRENT)) {
    throw new InputError(`input.person: "${person.slug}" already holds the post "${post.slug}"`, "input.person");
  }
  const appointment = await repository.save(
    repository.create({
      staffMemberId: person.id,
      postId: post.id,
      seq: (earlier.at(-1)?.seq ?? 0) + 1,
      dispatchedByGovernmentId: dispatcher?.id ?? null,
      employment: checkText(input.employment, "input.employment"),
      dispatchedOfficial: dispatcher !== null,
      roleZh: checkText(input.roleZh, "input.roleZh"),
      startedOn: input.startedOn,
      startPrecision: DatePrecision.DAY,
      endedOn: null,
      endPrecision: null,
      status: AppointmentStatus.CURRENT,
      source,
      notes: null,
    }),
  );
  return {
    result: Object.assign(new AppointmentWriteSuccess(), { appointment }),
    targets: [toGlobalId("Appointment", appointment.id), toGlobalId("StaffMember", person.id)],
    changes: [appointmentChange(appointment)],
    before: null,
    after: { appointment, person },
  };
}

export async function endAppointment(uow: UnitOfWork, input: EndAppointmentInput): Promise<Written<AppointmentWriteSuccess>> {
  const id = integerKeyOf(input.appointment, "Appointment", "input.appointment");
  const source = input.source.trim();
  if (source === "") throw new InputError("input.source must say where the end is recorded", "input.source");
  const current = await lockVersioned(uow.em, Appointment, "appointment", { id }, input.version);
  if (current.status === AppointmentStatus.FORMER)
    throw new InputError("input.appointment: the appointment has already ended", "input.appointment");
  if (current.startedOn !== null && input.endedOn < current.startedOn) {
    throw new InputError(`input.endedOn (${input.endedOn}) is before the start (${current.startedOn})`, "input.endedOn");
  }
  if (input.endedOn > uow.today)
    throw new InputError(`input.endedOn (${input.endedOn}) is in the future: record what has happened`, "input.endedOn");
  await uow.em.getRepository(Appointment).update(id, {
    status: AppointmentStatus.FORMER,
    endedOn: input.endedOn,
    endPrecision: DatePrecision.DAY,
    source: [current.source, source].filter(Boolean).join("; "),
    version: current.version + 1,
  });
  const appointment = await uow.em.getRepository(Appointment).findOneByOrFail({ id });
  return {
    result: Object.assign(new AppointmentWriteSuccess(), { appointment }),
    targets: [toGlobalId("Appointment", id)],
    changes: [appointmentChange(appointment)],
    before: current,
    after: appointment,
  };
}

/** A staff appointment made or ended: `appointmentChanged`, naming the government that dispatched the official, if one did. */
function appointmentChange(appointment: Appointment): LiveChange {
  return {
    kind: "appointmentChanged",
    appointmentId: appointment.id,
    ...(appointment.dispatchedByGovernmentId === null ? {} : { governmentId: appointment.dispatchedByGovernmentId }),
  };
}
