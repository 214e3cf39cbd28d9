import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Field, Float, Int, ObjectType, UseMiddleware } from "type-graphql";
import { SixLanguageNames, SourceField, VersionField } from "../../core/entity-columns";
import { Node } from "../../core/node";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { PrivateField } from "../access";
import { Country } from "../country";

@Entity("government")
// Expression indexes on the orderings' exact keys (migrations OrderIndexes, NameOrderInLanguages): TypeORM cannot describe them, so it leaves them alone.
@Index("IDX_government_order_slug", { synchronize: false })
@Index("IDX_government_order_name_en", { synchronize: false })
@Index("IDX_government_order_name_zh", { synchronize: false })
@Index("IDX_government_order_name_ko", { synchronize: false })
@Index("IDX_government_order_name_ja", { synchronize: false })
@Index("IDX_government_order_name_ru", { synchronize: false })
@Index("IDX_government_order_name_mn", { synchronize: false })
@Index("IDX_government_order_population", { synchronize: false })
@Check("CHK_government_website", `website IS NULL OR website ~ '^https?://[^/\\s]+'`)
@Check("CHK_government_logo_url", `logo_url IS NULL OR logo_url ~ '^https://[^/\\s]+'`)
@Check(
  "CHK_government_coordinates",
  `(latitude IS NULL) = (longitude IS NULL) AND coalesce(latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180, true)`,
)
@ObjectType("Government", { implements: Node, description: "A provincial-level regional government." })
export class Government extends SixLanguageNames {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @VersionField()
  version: number;

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

  /**
   * The government whose population figure already contains this one's (Rason is
   * inside North Hamgyong's 2008 census figure): sums leave this one out.
   */
  @Column({ type: "integer", nullable: true })
  populationIncludedInId: number | null;

  @ManyToOne(() => Government, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "population_included_in_id", foreignKeyConstraintName: "FK_government_population_included_in" })
  // Declares the foreign key only: the row is read through a DataLoader, never loaded here.
  protected readonly populationIncludedInRelation?: never;

  @Column({ type: "double precision", nullable: true })
  @Field(() => Float, { nullable: true })
  areaKm2: number | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  capital: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The official website as an absolute URL a browser can follow." })
  website: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "The website as the source printed it, where that differs (often a bare host name).",
  })
  websiteAsPrinted: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "A short description, from `profileSource`." })
  description: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The head of government (governor, mayor, chairman…), by name." })
  headOfGovernment: string | null;

  @Column({ type: "date", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Since when `headOfGovernment` holds the office." })
  headOfGovernmentSince: IsoDate | null;

  /** Who to contact at the government for NEAR business: personal data, private. */
  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Contact for NEAR business (SECRETARIAT and ADMIN only; null for others)." })
  @UseMiddleware(PrivateField)
  contact: string | null;

  @Column({ type: "double precision", nullable: true })
  @Field(() => Float, { nullable: true, description: "WGS 84 latitude of the seat of government." })
  latitude: number | null;

  @Column({ type: "double precision", nullable: true })
  @Field(() => Float, { nullable: true, description: "WGS 84 longitude of the seat of government." })
  longitude: number | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "An absolute https URL of the government's logo or emblem." })
  logoUrl: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Where the profile fields (description, head, contact, coordinates, logo) come from.",
  })
  profileSource: string | null;

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

  /** The country, when the statement that read this row joined it (a look-ahead); never a column. */
  joinedCountry?: Country | null;
}
