import type { UnitOfWork } from "../../core/context";
import { ConflictError, InputError } from "../../core/errors";
import { absoluteUrl, optionalText, requiredText } from "../../core/inputs";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { updateVersioned } from "../access";
import type { Written } from "../access";
import { PartnerOrganisation } from "./partner-organisation.entity";
import { PartnerWriteSuccess } from "./partner.inputs";
import type { AddPartnerInput, UpdatePartnerInput } from "./partner.inputs";

export async function addPartner(uow: UnitOfWork, input: AddPartnerInput): Promise<Written<PartnerWriteSuccess>> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug))
    throw new InputError(`input.slug must be lower case words joined by hyphens, got "${input.slug}"`, "input.slug");
  const repository = uow.em.getRepository(PartnerOrganisation);
  const row = repository.create({
    slug: input.slug,
    nameEn: requiredText(input.nameEn, "input.nameEn"),
    nameZh: optionalText(input.nameZh, "input.nameZh"),
    relation: input.relation,
    description: optionalText(input.description, "input.description"),
    website: input.website == null ? null : absoluteUrl(input.website, "input.website"),
    source: requiredText(input.source, "input.source"),
    notes: null,
  });
  if (await repository.existsBy({ slug: input.slug }))
    throw new ConflictError(`input.slug: "${input.slug}" is already a partner; update it instead`);
  const partner = await repository.save(row);
  return {
    result: Object.assign(new PartnerWriteSuccess(), { partner }),
    targets: [toGlobalId("PartnerOrganisation", partner.id)],
    before: null,
    after: partner,
  };
}

export async function updatePartner(uow: UnitOfWork, input: UpdatePartnerInput): Promise<Written<PartnerWriteSuccess>> {
  const id = integerKeyOf(input.partner, "PartnerOrganisation", "input.partner");
  const changes: Partial<PartnerOrganisation> = {};
  if (input.nameEn !== undefined) changes.nameEn = requiredText(input.nameEn, "input.nameEn");
  if (input.nameZh !== undefined) changes.nameZh = optionalText(input.nameZh, "input.nameZh");
  if (input.relation !== undefined) {
    if (input.relation === null) throw new InputError("input.relation cannot be cleared", "input.relation");
    changes.relation = input.relation;
  }
  if (input.description !== undefined) changes.description = optionalText(input.description, "input.description");
  if (input.website !== undefined) changes.website = input.website == null ? null : absoluteUrl(input.website, "input.website");
  const source = requiredText(input.source, "input.source");
  if (Object.keys(changes).length === 0) throw new InputError("Nothing to change: give at least one field besides source", "input");
  const current = await uow.em.getRepository(PartnerOrganisation).findOneBy({ id });
  // A new website replaces the form the report printed.
  if (changes.website !== undefined && changes.website !== current?.website) changes.websiteAsPrinted = null;
  const { before, after, unchanged } = await updateVersioned(uow.em, PartnerOrganisation, "partner", { id }, input.version, changes, {
    source: [current?.source, source].filter(Boolean).join("; "),
  });
  return {
    unchanged,
    result: Object.assign(new PartnerWriteSuccess(), { partner: after }),
    targets: [toGlobalId("PartnerOrganisation", id)],
    before,
    after,
  };
}
