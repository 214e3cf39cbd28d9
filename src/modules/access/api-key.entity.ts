import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ROLES } from "../../core/viewer";
import type { Role } from "../../core/viewer";
import { sqlValueList } from "../../core/enums";

/**
 * An API key: a random 256-bit secret shown once when made, kept only as its
 * SHA-256 (a secret that random needs no slow hash: nothing to guess). A revoked or
 * expired key is refused on the next request, on every replica: each request looks
 * its key up here.
 */
@Entity("api_key")
@Index("UQ_api_key_secret_hash", ["secretHash"], { unique: true })
@Check("CHK_api_key_role", `role ${sqlValueList(ROLES.filter((role) => role !== "PUBLIC"))}`)
@Check("CHK_api_key_label", `length(trim(label)) > 0`)
export class ApiKey {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "text" })
  label: string;

  @Column({ type: "text" })
  role: Exclude<Role, "PUBLIC">;

  /** Hex SHA-256 of the secret. */
  @Column({ type: "text" })
  secretHash: string;

  /** The secret's first characters, so a person can tell keys apart in a list. */
  @Column({ type: "text" })
  prefix: string;

  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  expiresAt: Date | null;

  @Column({ type: "timestamptz", nullable: true })
  revokedAt: Date | null;
}
