import { ApiKeyResolver } from "./api-keys.resolver";
import { AuditResolver } from "./audit.resolver";

export { ApiKey } from "./api-key.entity";
export { AuditEntry } from "./audit-entry.entity";
export { LiveEventRecord } from "./live-event.entity";
export { Authenticator, KEY_ROLES, createApiKey, listApiKeys, revokeApiKey } from "./api-keys";
export type { KeyRole } from "./api-keys";
export { PrivateField, authChecker } from "./authorization";
export { bumpVersion, lockVersioned, runMutation, updateVersioned } from "./mutation";
export type { Written } from "./mutation";
export { mutationResult } from "./problems.types";

export const accessResolvers = [AuditResolver, ApiKeyResolver] as const;
