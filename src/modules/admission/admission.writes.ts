import { addDays } from "../../charter";
import type { UnitOfWork } from "../../core/context";
import { DatePrecision } from "../../core/dates";
import type { IsoDate } from "../../core/dates";
import { CharterRefusalError, ConflictError, InputError, NotFoundError } from "../../core/errors";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { bumpVersion, lockVersioned } from "../access";
import type { Written } from "../access";
import { Country } from "../country";
import { Government } from "../government";
import { AgendaItem, Meeting, outcomeOf } from "../meeting";
import { FoundingStatus, Membership } from "../membership";
import type { MembershipKind } from "../membership";
import { MembershipWriteSuccess } from "./admission.inputs";
import type { AdmitGovernmentInput, ChangeMembershipKindInput, EndMembershipInput } from "./admission.inputs";
import { governmentChanges } from "../../core/live-event";

/** Charter Art. 8 item 1: admission and expulsion of members and associate members. */
const ADMISSION_ITEM = 1;

/**
 * The recorded decision behind a change of membership: an agenda item under Art. 8
 * item 1 whose outcome, derived by the charter from its tally, is PASSED, held on or
 * before `startsOn`. Anything else is refused with the charter's reasons.
 */
async function passingAdmission(
  uow: UnitOfWork,
  agendaItemId: string,
  field: string,
  startsOn: IsoDate,
): Promise<{ item: AgendaItem; meeting: Meeting }> {
  const id = integerKeyOf(agendaItemId, "AgendaItem", field);
  const item = await uow.em.getRepository(AgendaItem).findOneBy({ id });
  if (!item) throw new NotFoundError(`${field}: no such agenda item`, field);
  const meeting = await uow.em.getRepository(Meeting).findOneByOrFail({ id: item.meetingId });
  if (item.charterItem !== ADMISSION_ITEM) {
    throw new CharterRefusalError(`${field}: the item decides Charter Art. 8 item ${item.charterItem}, not admission (item 1)`, [
      {
        code: "NOT_AN_ADMISSION",
        article: "Charter Art. 8",
        message: `Item 1 (admission and expulsion) decides memberships; this item is under item ${item.charterItem}.`,
      },
    ]);
  }
  const decision = await outcomeOf(uow, item);
  if (decision === null || decision.outcome !== "PASSED") {
    throw new CharterRefusalError(
      `${field}: the decision did not pass (${decision?.outcome ?? "no deciding body"}), so it admits no one`,
      decision?.reasons ?? [
        { code: "NO_DECIDING_BODY", article: "Charter Art. 9, 9-2", message: "The meeting's body decides no admission." },
      ],
    );
  }
  if (startsOn < meeting.startsOn) {
    throw new InputError(`input.startedOn (${startsOn}) is before the deciding meeting (${meeting.startsOn})`, "input.startedOn");
  }
  return { item, meeting };
}

function admittedBy(meeting: Meeting, item: AgendaItem): string {
  return `${meeting.title} (${meeting.startsOn}), agenda item ${item.seq}: ${item.title}`;
}

async function periodsOf(uow: UnitOfWork, governmentId: number): Promise<Membership[]> {
  return uow.em.getRepository(Membership).find({ where: { governmentId }, order: { seq: "ASC" } });
}

async function newGovernment(uow: UnitOfWork, input: NonNullable<AdmitGovernmentInput["newGovernment"]>): Promise<Government> {
  const countryCode = input.countryCode.trim().toUpperCase();
  if (!/^[a-z]{2}-[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug) || !input.slug.startsWith(`${countryCode.toLowerCase()}-`)) {
    throw new InputError(
      `input.newGovernment.slug must look like "${countryCode.toLowerCase()}-name" (lower case, hyphens), got "${input.slug}"`,
      "input.newGovernment.slug",
    );
  }
  if (!(await uow.em.getRepository(Country).existsBy({ code: countryCode }))) {
    throw new NotFoundError(`input.newGovernment.countryCode: no country "${countryCode}"`, "input.newGovernment.countryCode");
  }
  const nameEn = input.nameEn.trim();
  if (nameEn === "") throw new InputError("input.newGovernment.nameEn must not be empty", "input.newGovernment.nameEn");
  if (input.source.trim() === "")
    throw new InputError("input.newGovernment.source must say where the government is recorded", "input.newGovernment.source");
  if (await uow.em.getRepository(Government).existsBy({ slug: input.slug })) {
    throw new ConflictError(`input.newGovernment.slug: "${input.slug}" is already a government; admit it by \`government\``);
  }
  const repository = uow.em.getRepository(Government);
  return repository.save(
    repository.create({
      slug: input.slug,
      countryCode,
      nameEn,
      nameZh: input.nameZh?.trim() || null,
      nameKo: null,
      nameJa: null,
      nameRu: null,
      nameMn: null,
      population: null,
      populationYear: null,
      areaKm2: null,
      capital: null,
      website: null,
      websiteAsPrinted: null,
      namedInReport: false,
      namesSource: input.source.trim(),
      figuresSource: null,
      figuresNotes: null,
      notes: null,
    }),
  );
}

async function openPeriod(
  uow: UnitOfWork,
  governmentId: number,
  kind: MembershipKind,
  startedOn: IsoDate,
  admitted: string | null,
  source: string | null,
): Promise<Membership> {
  const periods = await periodsOf(uow, governmentId);
  const repository = uow.em.getRepository(Membership);
  return repository.save(
    repository.create({
      governmentId,
      seq: (periods.at(-1)?.seq ?? 0) + 1,
      kind,
      startedOn,
      startPrecision: DatePrecision.DAY,
      attestedOn: null,
      endedOn: null,
      endPrecision: null,
      founding: FoundingStatus.NOT_FOUNDING,
      admittedBy: admitted,
      source,
      notes: null,
    }),
  );
}

export async function admitGovernment(uow: UnitOfWork, input: AdmitGovernmentInput): Promise<Written<MembershipWriteSuccess>> {
  if ((input.government ? 1 : 0) + (input.newGovernment ? 1 : 0) !== 1) {
    throw new InputError("Give exactly one of input.government (a known government) and input.newGovernment", "input.government");
  }
  const { item, meeting } = await passingAdmission(uow, input.agendaItem, "input.agendaItem", input.startedOn);
  let government: Government;
  let before: unknown = null;
  if (input.government) {
    const known = await uow.em.getRepository(Government).findOneBy({ slug: input.government });
    if (!known) throw new NotFoundError(`input.government: no government "${input.government}"`, "input.government");
    if (input.version === null || input.version === undefined)
      throw new InputError("input.version is required with input.government", "input.version");
    government = await bumpVersion(uow.em, Government, "government", { id: known.id }, input.version);
    const periods = await periodsOf(uow, government.id);
    const open = periods.find((p) => p.endedOn === null || p.endedOn >= input.startedOn);
    if (open) {
      throw new InputError(
        `input.government: "${government.slug}" holds a ${open.kind} period ${open.endedOn === null ? "still open" : `until ${open.endedOn}`}: end it or change its kind instead`,
        "input.government",
      );
    }
    before = { memberships: periods };
  } else {
    government = await newGovernment(uow, input.newGovernment!);
  }
  const membership = await openPeriod(
    uow,
    government.id,
    input.kind,
    input.startedOn,
    admittedBy(meeting, item),
    input.source?.trim() || null,
  );
  const after = await uow.em.getRepository(Government).findOneByOrFail({ id: government.id });
  return {
    result: Object.assign(new MembershipWriteSuccess(), { government: after, membership }),
    targets: [toGlobalId("Government", government.id), toGlobalId("Membership", membership.id)],
    // Membership decides dues too (Dues Reg. Art. 2): a member owes from its admission.
    changes: governmentChanges(after, "membershipChanged", "duesStandingChanged"),
    before,
    after: { government: after, membership },
  };
}

export async function changeMembershipKind(uow: UnitOfWork, input: ChangeMembershipKindInput): Promise<Written<MembershipWriteSuccess>> {
  const id = integerKeyOf(input.membership, "Membership", "input.membership");
  const current = await lockVersioned(uow.em, Membership, "membership period", { id }, input.version);
  if (current.endedOn !== null)
    throw new InputError(
      `input.membership: the period ended on ${current.endedOn}; admit the government again instead`,
      "input.membership",
    );
  if (current.kind === input.kind) throw new InputError(`input.kind: the period is already ${input.kind}`, "input.kind");
  if (current.startedOn !== null && input.from <= current.startedOn) {
    throw new InputError(`input.from (${input.from}) must be after the period's start (${current.startedOn})`, "input.from");
  }
  let admitted: string | null = null;
  if (input.kind !== "OBSERVER") {
    if (!input.agendaItem) {
      throw new InputError(
        `input.agendaItem is required: becoming ${input.kind} is an admission (Charter Art. 8 item 1)`,
        "input.agendaItem",
      );
    }
    const { item, meeting } = await passingAdmission(uow, input.agendaItem, "input.agendaItem", input.from);
    admitted = admittedBy(meeting, item);
  }
  await uow.em
    .getRepository(Membership)
    .update(id, { endedOn: addDays(input.from, -1), endPrecision: DatePrecision.DAY, version: current.version + 1 });
  const membership = await openPeriod(uow, current.governmentId, input.kind, input.from, admitted, input.source?.trim() || null);
  const government = await uow.em.getRepository(Government).findOneByOrFail({ id: current.governmentId });
  return {
    result: Object.assign(new MembershipWriteSuccess(), { government, membership }),
    targets: [toGlobalId("Membership", id), toGlobalId("Membership", membership.id), toGlobalId("Government", government.id)],
    changes: governmentChanges(government, "membershipChanged", "duesStandingChanged"),
    before: { membership: current },
    after: { ended: await uow.em.getRepository(Membership).findOneByOrFail({ id }), membership },
  };
}

export async function endMembership(uow: UnitOfWork, input: EndMembershipInput): Promise<Written<MembershipWriteSuccess>> {
  const id = integerKeyOf(input.membership, "Membership", "input.membership");
  const current = await lockVersioned(uow.em, Membership, "membership period", { id }, input.version);
  if (current.endedOn !== null)
    throw new InputError(`input.membership: the period already ended on ${current.endedOn}`, "input.membership");
  if (current.startedOn !== null && input.endedOn < current.startedOn) {
    throw new InputError(`input.endedOn (${input.endedOn}) is before the period's start (${current.startedOn})`, "input.endedOn");
  }
  if (input.endedOn > uow.today)
    throw new InputError(`input.endedOn (${input.endedOn}) is in the future: record what has happened`, "input.endedOn");
  const source = input.source.trim();
  if (source === "") throw new InputError("input.source must say why and where the end is recorded", "input.source");
  const notes = [current.notes, `Ended ${input.endedOn}: ${source}`].filter(Boolean).join(" ");
  await uow.em
    .getRepository(Membership)
    .update(id, { endedOn: input.endedOn, endPrecision: DatePrecision.DAY, notes, version: current.version + 1 });
  const membership = await uow.em.getRepository(Membership).findOneByOrFail({ id });
  const government = await uow.em.getRepository(Government).findOneByOrFail({ id: current.governmentId });
  return {
    result: Object.assign(new MembershipWriteSuccess(), { government, membership }),
    targets: [toGlobalId("Membership", id), toGlobalId("Government", government.id)],
    changes: governmentChanges(government, "membershipChanged", "duesStandingChanged"),
    before: { membership: current },
    after: { membership },
  };
}
