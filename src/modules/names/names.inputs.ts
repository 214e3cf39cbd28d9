import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Lang } from "../../core/i18n";
import { Country } from "../country";
import { Government } from "../government";

@InputType("NameInput")
export class NameInput {
  @Field(() => Lang)
  lang: Lang;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, {
    defaultValue: true,
    description: "true: the name shown in this language (the one it replaces is kept as an alternative); false: another spelling only.",
  })
  primary: boolean;
}

@InputType("SetNamesInput", {
  description: "Names of a government or country, in any of the six languages, with the source that uses them.",
})
export class SetNamesInput {
  @Field(() => ID, { description: "Global ID of a Government or Country." })
  id: string;

  @Field(() => Int, { description: "The object's version as you read it." })
  version: number;

  @Field(() => [NameInput])
  names: NameInput[];

  @Field(() => String, { description: "Where these names are used, e.g. R2020 p. 12." })
  source: string;
}

@ObjectType("SetNamesSuccess")
export class SetNamesSuccess {
  @Field(() => Government, { nullable: true })
  government: Government | null;

  @Field(() => Country, { nullable: true })
  country: Country | null;
}
