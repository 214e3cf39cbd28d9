/**
 * Who is asking. Roles are ordered: each may do what the ones before it may.
 * PUBLIC: no credentials (partner websites, the explorer); PARTNER: a partner
 * site's key (higher rate limits, the same data); SECRETARIAT: writes and private
 * fields; ADMIN: keys, the audit log and corrections.
 */
export const ROLES = ["PUBLIC", "PARTNER", "SECRETARIAT", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  readonly role: Role;
  /** The API key's row, null for PUBLIC. */
  readonly keyId: number | null;
  /** The API key's label, as the audit log names who acted. */
  readonly label: string | null;
}

export const PUBLIC_VIEWER: Viewer = { role: "PUBLIC", keyId: null, label: null };

/** Whether `viewer` holds `required` or a role above it. */
export function hasRole(viewer: Viewer, required: Role): boolean {
  return ROLES.indexOf(viewer.role) >= ROLES.indexOf(required);
}

/** Personal data beyond name and post, and drafts: the secretariat's and admins' only. */
export function seesPrivate(viewer: Viewer): boolean {
  return hasRole(viewer, "SECRETARIAT");
}
