import type { UnitOfWork } from "../../core/context";
import { ConflictError, InputError } from "../../core/errors";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { updateVersioned } from "../access";
import type { Written } from "../access";
import { PartnerOrganisation } from "./partner-organisation.entity";
import { PartnerWriteSuccess } from "./partner.inputs";
import type { AddPartnerInput, UpdatePartnerInput } from "./partner.inputs";

function text(value: string | null | undefined, field: string, required = false): string | null {
  if (value === null || value === undefined) {
    if (required) throw new InputError(`${field} is required`, field);
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.length > 2000) throw new InputError(`${field} must hold 1 to 2000 characters`, field);
  return trimmed;
}

function website(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  let url: URL | null = null;
  try {
    url = new URL(value.trim());
  } catch {
    url = null;
  }
  if (!url || !["http:", "https:"].includes(url.protocol)) throw new InputError(`${field} must be an absolute http or https URL`, field);
  return value.trim();
}

export async function addPartner(uow: UnitOfWork, input: AddPartnerInput): Promise<Written<PartnerWriteSuccess>> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug))
    throw new InputError(`input.slug must be lower case words joined by hyphens, got "${input.slug}"`, "input.slug");
  const repository = uow.em.getRepository(PartnerOrganisation);
  const row = repository.create({
    slug: input.slug,
    nameEn: text(input.nameEn, "input.nameEn", true)!,
    nameZh: text(input.nameZh, "input.nameZh"),
    relation: input.relation,
    description: text(input.description, "input.description"),
    website: website(input.website, "input.website"),
    source: text(input.source, "input.source", true),
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
  if (input.nameEn !== undefined) changes.nameEn = text(input.nameEn, "input.nameEn", true)!;
  if (input.nameZh !== undefined) changes.nameZh = text(input.nameZh, "input.nameZh");
  if (input.relation !== undefined) {
    if (input.relation === null) throw new InputError("input.relation cannot be cleared", "input.relation");
    changes.relation = input.relation;
  }
  if (input.description !== undefined) changes.description = text(input.description, "input.description");
  if (input.website !== undefined) changes.website = website(input.website, "input.website");
  const source = text(input.source, "input.source", true)!;
  if (Object.keys(changes).length === 0) throw new InputError("Nothing to change: give at least one field besides source", "input");
  const current = await uow.em.getRepository(PartnerOrganisation).findOneBy({ id });
  changes.source = [current?.source, source].filter(Boolean).join("; ");
  const { before, after } = await updateVersioned(uow.em, PartnerOrganisation, "partner", { id }, input.version, changes);
  return {
    result: Object.assign(new PartnerWriteSuccess(), { partner: after }),
    targets: [toGlobalId("PartnerOrganisation", id)],
    before,
    after,
  };
}
