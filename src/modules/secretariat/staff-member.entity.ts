import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType, UseMiddleware } from "type-graphql";
import { SourceField, VersionField } from "../../core/entity-columns";
import { Node } from "../../core/node";
import { PrivateField } from "../access";

/** A person of the secretariat. Most names exist only in Chinese in the report; Latin spellings only where a source prints one. */
@Entity("staff_member")
// Expression indexes on the orderings' exact keys (migration ListOrderIndexes): TypeORM cannot describe them, so it leaves them alone.
@Index("IDX_staff_member_order_slug", { synchronize: false })
@ObjectType("StaffMember", { implements: Node, description: "A person working at the secretariat." })
export class StaffMember {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

  @Index("UQ_staff_member_slug", { unique: true })
  @Column({ type: "text" })
  @Field(() => String)
  slug: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The name as the Chinese report prints it." })
  nameZh: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "A Latin spelling, only where a source prints one." })
  nameLatin: string | null;

  @SourceField()
  source: string | null;

  @SourceField({ privateTo: PrivateField })
  notes: string | null;

  /** How to reach the person at work: personal data. */
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Work contact (SECRETARIAT and ADMIN only; null for others)." })
  @UseMiddleware(PrivateField)
  contact: string | null;
}
