import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, Float, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";

/** A figure a source states (the Annual Report's "about 660 million people"), kept as stated: value, unit, day, source and words. */
@Entity("stated_figure")
@Index("UQ_stated_figure_key", ["key"], { unique: true })
@ObjectType("StatedFigure", { description: "A figure a source states, beside what the hub computes from its records where it can." })
export class StatedFigure {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "text" })
  @Field(() => String, { description: "Stable key, e.g. member-population." })
  key: string;

  @Column({ type: "text" })
  @Field(() => String)
  label: string;

  @Column({ type: "double precision" })
  @Field(() => Float)
  value: number;

  @Column({ type: "text" })
  @Field(() => String, { description: "people, governments, countries, KRW, USD, percent, entries…" })
  unit: string;

  @Column({ type: "date" })
  @Field(() => DateScalar, { description: "The day the figure speaks for." })
  asOf: IsoDate;

  @Column({ type: "text" })
  @Field(() => String)
  source: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "The source's own words." })
  quote: string;
}
