import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { LanguageTagScalar, NAME_ORDER_LANG } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import { PageArgs } from "../../core/pagination";
import { Region } from "./country.entity";

export enum CountryOrder {
  CODE_ASC = "CODE_ASC",
  CODE_DESC = "CODE_DESC",
  NAME_ASC = "NAME_ASC",
  NAME_DESC = "NAME_DESC",
}
registerEnumType(CountryOrder, {
  name: "CountryOrder",
  description:
    "NAME orders by the name in the connection's `lang` (the name the `name` field shows in it), in that language's collation where the database has one; ties break on the code.",
});

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

  @Field(() => LanguageTagScalar, { nullable: true, description: NAME_ORDER_LANG })
  lang?: Lang | null;
}
