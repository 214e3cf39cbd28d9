import { createHash, randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import { InputError } from "../../core/errors";
import { storageGuardOf } from "../../core/storage-guard";
import type { Role, Viewer } from "../../core/viewer";
import { ROLES } from "../../core/viewer";
import { ApiKey } from "./api-key.entity";

/** Roles a key can carry: PUBLIC needs none. */
export type KeyRole = Exclude<Role, "PUBLIC">;
export const KEY_ROLES = ROLES.filter((role): role is KeyRole => role !== "PUBLIC");

const SECRET_PREFIX = "near_";
/** How much of a secret a listing shows: the fixed prefix and six characters, too few to guess the rest. */
const SHOWN_CHARACTERS = SECRET_PREFIX.length + 6;
/** A key's last use is written at most this often per process: every request reads the key, few need to write it. */
const LAST_USE_RESOLUTION_MS = 60_000;

function hashOf(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface NewApiKey {
  role: KeyRole;
  label: string;
  expiresAt?: Date | null;
}

/** Makes a key; the secret is returned this once and never stored. */
export async function createApiKey(em: EntityManager, input: NewApiKey): Promise<{ key: ApiKey; secret: string }> {
  const label = input.label.trim();
  if (label === "") throw new InputError("--label must not be empty: say whose key it is", "label");
  if (!KEY_ROLES.includes(input.role)) throw new InputError(`--role must be one of ${KEY_ROLES.join(", ")}, got "${input.role}"`, "role");
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new InputError("--expires must be in the future", "expiresAt");
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
  const key = await em.getRepository(ApiKey).save(
    em.getRepository(ApiKey).create({
      label,
      role: input.role,
      secretHash: hashOf(secret),
      prefix: secret.slice(0, SHOWN_CHARACTERS),
      expiresAt: input.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
    }),
  );
  return { key, secret };
}

export function listApiKeys(em: EntityManager): Promise<ApiKey[]> {
  return em.getRepository(ApiKey).find({ order: { id: "ASC" } });
}

/** Revokes a key by id; false when there is none or it was already revoked. */
export async function revokeApiKey(em: EntityManager, id: number): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(ApiKey)
    .set({ revokedAt: () => "now()" })
    .where("id = :id AND revoked_at IS NULL", { id })
    .execute();
  return (result.affected ?? 0) > 0;
}

export type Authentication = { ok: true; viewer: Viewer } | { ok: false; message: string };

/**
 * Reads `Authorization: Bearer <key>`. One refusal message whatever is wrong (unknown,
 * revoked, expired, malformed), so a caller learns nothing about which keys exist.
 */
export class Authenticator {
  private readonly lastWritten = new Map<number, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly onError: (error: unknown) => void,
  ) {}

  async authenticate(header: string | undefined, now = new Date()): Promise<Authentication | null> {
    if (header === undefined) return null;
    const match = /^Bearer +(\S+)$/i.exec(header.trim());
    const refused = {
      ok: false,
      message: "The API key is not valid: it is unknown, revoked or expired. Ask the secretariat for one.",
    } as const;
    if (!match?.[1]?.startsWith(SECRET_PREFIX)) {
      return { ok: false, message: "Send an API key as `Authorization: Bearer near_…`, or no Authorization header for public data." };
    }
    const key = await this.em.getRepository(ApiKey).findOne({ where: { secretHash: hashOf(match[1]) } });
    if (!key || key.revokedAt !== null || (key.expiresAt !== null && key.expiresAt <= now)) return refused;
    this.noteUse(key, now);
    return { ok: true, viewer: { role: key.role, keyId: key.id, label: key.label } };
  }

  /** Records the key's last use, at most once a minute per process, without holding up the request. */
  private noteUse(key: ApiKey, now: Date): void {
    // On a full disk the request is served; its last use waits for room.
    if (storageGuardOf(this.em.connection)?.full()) return;
    const last = this.lastWritten.get(key.id) ?? key.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - last < LAST_USE_RESOLUTION_MS) return;
    this.lastWritten.set(key.id, now.getTime());
    this.em
      .getRepository(ApiKey)
      .update({ id: key.id }, { lastUsedAt: now })
      .catch((error: unknown) => this.onError(error));
  }
}
