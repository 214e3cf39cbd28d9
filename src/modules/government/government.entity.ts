import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { SixLanguageNames, SourceField } from "../../core/entity-columns";
import { Node } from "../../core/node";
import { Country } from "../country";

@Entity("government")
@ObjectType("Government", { implements: Node, description: "A provincial-level regional government." })
export class Government extends SixLanguageNames {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  /** Stable public key, e.g. `kr-gyeongbuk`. */
  @Index("UQ_government_slug", { unique: true })
  @Column({ type: "text" })
  @Field(() => String, { description: "Stable, readable key, e.g. kr-gyeongbuk." })
  slug: string;

  @Index("IDX_government_country_code")
  @Column({ type: "char", length: 2 })
  countryCode: string;

  @ManyToOne(() => Country, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "country_code", foreignKeyConstraintName: "FK_government_country" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly countryRelation?: never;

  @Column({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Population in `populationYear`, where a census gives it." })
  population: number | null;

  @Column({ type: "smallint", nullable: true })
  @Field(() => Int, { nullable: true })
  populationYear: number | null;

  @Column({ type: "double precision", nullable: true })
  @Field(() => Float, { nullable: true })
  areaKm2: number | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  capital: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  website: string | null;

  @Column({ type: "boolean" })
  @Field(() => Boolean, { description: "Whether the Annual Report 2020 names this government." })
  namedInReport: boolean;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Where each language's name comes from." })
  namesSource: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Source keys for population, area, capital and website." })
  figuresSource: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the sources leave uncertain about those figures." })
  figuresNotes: string | null;

  @SourceField()
  notes: string | null;
}
