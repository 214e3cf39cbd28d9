import type { UnitOfWork } from "../../core/context";
import { ConflictError, InputError, NotFoundError } from "../../core/errors";
import { requiredText } from "../../core/inputs";
import { toGlobalId } from "../../core/node";
import { ApiKey } from "./api-key.entity";
import { KEY_ROLES, createApiKey, revokeApiKey } from "./api-keys";
import { ApiKeyType, CreateApiKeySuccess, RevokeApiKeySuccess } from "./api-keys.types";
import type { CreateApiKeyInput, RevokeApiKeyInput } from "./api-keys.types";
import type { Written } from "./mutation";

/** A key as the graph and the audit log show it: never its secret or hash. */
export function shownKey(key: ApiKey): ApiKeyType {
  const { secretHash: _hash, ...shown } = key;
  return Object.assign(new ApiKeyType(), shown);
}

/** Makes a key; its secret is in the answer this once, and in neither the audit log nor the database. */
export async function createApiKeyWrite(uow: UnitOfWork, input: CreateApiKeyInput): Promise<Written<CreateApiKeySuccess>> {
  const label = requiredText(input.label, "input.label", 200);
  if (!KEY_ROLES.includes(input.role)) throw new InputError(`input.role must be one of ${KEY_ROLES.join(", ")}`, "input.role");
  // A label says whose key it is: one active key a label, so a replayed request makes no second key.
  const same = await uow.em
    .getRepository(ApiKey)
    .createQueryBuilder("k")
    .where("k.label = :label AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())", { label })
    .getOne();
  if (same)
    throw new ConflictError(`An active key is labelled "${label}" (key ${same.id}): revoke it first, or choose another label.`, null);
  // A key's life is real time, not the graph's calendar.
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new InputError(`input.expiresAt (${input.expiresAt.toISOString()}) is past: a key must expire in the future`, "input.expiresAt");
  }
  const { key, secret } = await createApiKey(uow.em, { role: input.role, label, expiresAt: input.expiresAt ?? null });
  return {
    result: Object.assign(new CreateApiKeySuccess(), { key: shownKey(key), secret }),
    targets: [toGlobalId("ApiKey", key.id)],
    before: null,
    after: { key: shownKey(key) },
  };
}

/** Revokes a key: every replica refuses it from its next request (each request looks its key up). */
export async function revokeApiKeyWrite(uow: UnitOfWork, input: RevokeApiKeyInput): Promise<Written<RevokeApiKeySuccess>> {
  if (!Number.isInteger(input.id) || input.id <= 0)
    throw new InputError(`input.id must be a key's id, a number above 0 (see apiKeys)`, "input.id");
  const before = await uow.em.getRepository(ApiKey).findOneBy({ id: input.id });
  if (!before) throw new NotFoundError(`input.id: no API key ${input.id}`, "input.id");
  if (!(await revokeApiKey(uow.em, input.id))) throw new InputError(`input.id: key ${input.id} is already revoked`, "input.id");
  const after = await uow.em.getRepository(ApiKey).findOneByOrFail({ id: input.id });
  return {
    result: Object.assign(new RevokeApiKeySuccess(), { key: shownKey(after) }),
    targets: [toGlobalId("ApiKey", input.id)],
    before: { key: shownKey(before) },
    after: { key: shownKey(after) },
  };
}
