import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { LanguageTagScalar, NAME_ORDER_LANG } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import { PageArgs } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { MembershipKind } from "../membership";

export enum GovernmentOrder {
  SLUG_ASC = "SLUG_ASC",
  SLUG_DESC = "SLUG_DESC",
  NAME_ASC = "NAME_ASC",
  NAME_DESC = "NAME_DESC",
  POPULATION_ASC = "POPULATION_ASC",
  POPULATION_DESC = "POPULATION_DESC",
}
registerEnumType(GovernmentOrder, {
  name: "GovernmentOrder",
  description:
    "NAME orders by the name in the connection's `lang` (the name the `name` field shows in it, falling back as it does), in that language's collation where the database has one; POPULATION puts governments without a figure last. Ties break on the slug.",
});

/** Whether a government belongs to NEAR on the filter's day. */
export enum MembershipStatus {
  CURRENT = "CURRENT",
  FORMER = "FORMER",
}
registerEnumType(MembershipStatus, {
  name: "MembershipStatus",
  description: "CURRENT: holds a membership (any kind) on the day; FORMER: held one before and none that day.",
});

@InputType({ description: "All given conditions must hold. Membership conditions are judged on `asOf` (default today)." })
export class GovernmentFilter {
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes, e.g. ["JP", "KR"].' })
  countries?: string[] | null;

  @Field(() => [MembershipKind], { nullable: true, description: "Membership kinds held on `asOf`." })
  kinds?: MembershipKind[] | null;

  @Field(() => MembershipStatus, { nullable: true })
  status?: MembershipStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Founding members (Charter Art. 19) only, or none of them. Disputed cases match neither.",
  })
  founding?: boolean | null;

  @Field(() => String, { nullable: true, description: "Slug of a committee the government coordinates or takes part in on `asOf`." })
  committee?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Text found in the name in any of the six languages, or in another spelling a source uses (case-insensitive).",
  })
  search?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day membership and committee conditions are judged on; default today." })
  asOf?: IsoDate | null;
}

@ArgsType()
export class GovernmentsArgs extends PageArgs {
  @Field(() => GovernmentFilter, { nullable: true })
  filter?: GovernmentFilter | null;

  @Field(() => GovernmentOrder, { defaultValue: GovernmentOrder.SLUG_ASC })
  orderBy: GovernmentOrder;

  @Field(() => LanguageTagScalar, { nullable: true, description: NAME_ORDER_LANG })
  lang?: Lang | null;
}
