import type { UnitOfWork } from "../../core/context";
import { InputError, NotFoundError } from "../../core/errors";
import { absoluteUrl } from "../../core/inputs";
import { toGlobalId } from "../../core/node";
import { updateVersioned } from "../access";
import type { Written } from "../access";
import { Government } from "./government.entity";
import { UpdateGovernmentProfileSuccess } from "./government.inputs";
import type { UpdateGovernmentProfileInput } from "./government.inputs";

const MAX_TEXT = 2000;
const TEXT_FIELDS = ["capital", "description", "headOfGovernment", "contact"] as const;

/** Only the fields the input carries change; each is checked, and the source is recorded with them. */
export async function updateGovernmentProfile(
  uow: UnitOfWork,
  input: UpdateGovernmentProfileInput,
): Promise<Written<UpdateGovernmentProfileSuccess>> {
  const source = input.source.trim();
  if (source === "") throw new InputError("input.source must say where the values come from", "input.source");
  const changes: Partial<Government> = {};
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    if (value !== null && (value.trim() === "" || value.length > MAX_TEXT)) {
      throw new InputError(`input.${field} must hold 1 to ${MAX_TEXT} characters, or be null to clear it`, `input.${field}`);
    }
    changes[field] = value === null ? null : value.trim();
  }
  if (input.website !== undefined) {
    changes.website = input.website === null ? null : absoluteUrl(input.website, "input.website");
  }
  if (input.logoUrl !== undefined)
    changes.logoUrl = input.logoUrl === null ? null : absoluteUrl(input.logoUrl, "input.logoUrl", ["https:"]);
  if (input.headOfGovernmentSince !== undefined) {
    if (input.headOfGovernmentSince !== null && input.headOfGovernmentSince > uow.today) {
      throw new InputError(`input.headOfGovernmentSince (${input.headOfGovernmentSince}) is in the future`, "input.headOfGovernmentSince");
    }
    changes.headOfGovernmentSince = input.headOfGovernmentSince;
  }
  if ((input.latitude === undefined) !== (input.longitude === undefined) || (input.latitude === null) !== (input.longitude === null)) {
    throw new InputError("input.latitude and input.longitude go together: give both, or clear both with null", "input.latitude");
  }
  if (input.latitude !== undefined && input.longitude !== undefined) {
    if (input.latitude !== null && (input.latitude < -90 || input.latitude > 90))
      throw new InputError("input.latitude must be -90 to 90", "input.latitude");
    if (input.longitude !== null && (input.longitude < -180 || input.longitude > 180)) {
      throw new InputError("input.longitude must be -180 to 180", "input.longitude");
    }
    changes.latitude = input.latitude;
    changes.longitude = input.longitude;
  }
  const found = await uow.em.getRepository(Government).findOneBy({ slug: input.government });
  if (!found) throw new NotFoundError(`input.government: no government "${input.government}"`, "input.government");
  // A new website replaces the form the report printed.
  if (changes.website !== undefined && changes.website !== found.website) changes.websiteAsPrinted = null;
  const { before, after, unchanged } = await updateVersioned(uow.em, Government, "government", { id: found.id }, input.version, changes, {
    profileSource: source,
  });
  return {
    unchanged,
    result: Object.assign(new UpdateGovernmentProfileSuccess(), { government: after }),
    targets: [toGlobalId("Government", found.id)],
    before,
    after,
  };
}
