import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { Node } from "../../core/node";
import { Department } from "./department.entity";

/** A position in the secretariat; its holders over time are its appointments. */
@Entity("post")
@ObjectType("Post", { implements: Node, description: "A position in the secretariat, held by one person after another." })
export class Post {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Index("UQ_post_slug", { unique: true })
  @Column({ type: "text" })
  @Field(() => String)
  slug: string;

  @Column({ type: "text" })
  @Field(() => String)
  titleEn: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  titleZh: string | null;

  @Index("IDX_post_department_id")
  @Column({ type: "integer", nullable: true })
  departmentId: number | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "department_id", foreignKeyConstraintName: "FK_post_department" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly departmentRelation?: never;
}
