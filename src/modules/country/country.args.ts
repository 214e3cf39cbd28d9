import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { PageArgs } from "../../core/pagination";
import { Region } from "./country.entity";

export enum CountryOrder {
  CODE_ASC = "CODE_ASC",
  CODE_DESC = "CODE_DESC",
  NAME_ASC = "NAME_ASC",
  NAME_DESC = "NAME_DESC",
}
registerEnumType(CountryOrder, { name: "CountryOrder", description: "NAME orders by the English name." });

@InputType()
export class CountryFilter {
  @Field(() => Region, { nullable: true })
  region?: Region | null;
}

@ArgsType()
export class CountriesArgs extends PageArgs {
  @Field(() => CountryFilter, { nullable: true })
  filter?: CountryFilter | null;

  @Field(() => CountryOrder, { defaultValue: CountryOrder.CODE_ASC })
  orderBy: CountryOrder;
}
