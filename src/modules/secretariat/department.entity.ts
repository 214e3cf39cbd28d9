import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../core/node";

@Entity("department")
@ObjectType("Department", { implements: Node, description: "A unit of the secretariat (Charter Art. 12–14)." })
export class Department {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Index("UQ_department_slug", { unique: true })
  @Column({ type: "text" })
  @Field(() => String)
  slug: string;

  @Column({ type: "text" })
  nameEn: string;

  @Column({ type: "text", nullable: true })
  nameZh: string | null;
}
