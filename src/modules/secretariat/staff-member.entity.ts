import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { SourceField } from "../../core/entity-columns";
import { Node } from "../../core/node";

/** A person of the secretariat. Most names exist only in Chinese in the report; Latin spellings only where a source prints one. */
@Entity("staff_member")
@ObjectType("StaffMember", { implements: Node, description: "A person working at the secretariat." })
export class StaffMember {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

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

  @SourceField()
  notes: string | null;
}
