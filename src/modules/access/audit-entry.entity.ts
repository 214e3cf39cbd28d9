import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { Role } from "../../core/viewer";

/**
 * One successful write, recorded in the write's own transaction: who, when, what,
 * and the rows before and after. Append-only: no API changes or deletes an entry,
 * a trigger refuses UPDATE, DELETE and TRUNCATE on every database, and on
 * PostgreSQL the runtime role `near_hub` holds only SELECT and INSERT on it.
 */
@Entity("audit_entry")
@Index("IDX_audit_entry_at", ["at"])
@Index("IDX_audit_entry_operation", ["operation"])
@ObjectType("AuditEntry", { description: "A successful write: who, when, what, and the rows before and after." })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: "integer" })
  @Field(() => ID, { description: "Increasing: later entries have larger ids." })
  id: number;

  /** The write's recorded instant: the one its versions in `history` carry (migrations/1795846000000-History.ts). */
  @Column({ type: "timestamptz", default: () => "near_recorded_at()" })
  @Field(() => GraphQLISODateTime, { description: "When the hub recorded the write: the instant `asKnownOn` compares with." })
  at: Date;

  @Column({ type: "text" })
  @Field(() => String, { description: "The API key's label." })
  actorLabel: string;

  @Column({ type: "text" })
  @Field(() => String)
  actorRole: Role;

  @Column({ type: "integer" })
  actorKeyId: number;

  @Column({ type: "text" })
  @Field(() => String, { description: "The mutation, e.g. recordDuesPayment." })
  operation: string;

  @Column({ type: "text", array: true })
  @Field(() => [String], { description: "Global IDs of the objects the write changed or made." })
  targetIds: string[];

  @Column({ type: "jsonb" })
  @Field(() => GraphQLJSON)
  input: unknown;

  @Column({ type: "jsonb", nullable: true })
  @Field(() => GraphQLJSON, { nullable: true, description: "The changed rows before the write; null for what it made." })
  before: unknown;

  @Column({ type: "jsonb", nullable: true })
  @Field(() => GraphQLJSON, { nullable: true })
  after: unknown;

  @Column({ type: "text" })
  @Field(() => String)
  requestId: string;
}
