import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Government } from "../government";
import { Membership, MembershipKind } from "../membership";

@InputType("NewGovernmentInput", { description: "A government the hub does not know yet. Other names can follow with setNames." })
export class NewGovernmentInput {
  @Field(() => String, { description: "Stable key: the country code in lower case, a hyphen, a name (e.g. cn-liaoning)." })
  slug: string;

  @Field(() => String, { description: "ISO 3166-1 alpha-2 code of a country the hub knows." })
  countryCode: string;

  @Field(() => String)
  nameEn: string;

  @Field(() => String, { nullable: true })
  nameZh?: string | null;

  @Field(() => String, { description: "Where the government and its names are recorded." })
  source: string;
}

@InputType("AdmitGovernmentInput", {
  description: "A new membership period, decided by an agenda item whose derived outcome is PASSED (Charter Art. 8 item 1, Art. 9(2)).",
})
export class AdmitGovernmentInput {
  @Field(() => String, {
    nullable: true,
    description: "Slug of a known government (a former member or observer). Give this or `newGovernment`.",
  })
  government?: string | null;

  @Field(() => Int, { nullable: true, description: "The known government's version as you read it." })
  version?: number | null;

  @Field(() => NewGovernmentInput, { nullable: true })
  newGovernment?: NewGovernmentInput | null;

  @Field(() => MembershipKind)
  kind: MembershipKind;

  @Field(() => DateScalar, { description: "First day of the membership: on or after the deciding meeting." })
  startedOn: IsoDate;

  @Field(() => ID, { description: "Global ID of the recorded agenda item that decided the admission." })
  agendaItem: string;

  @Field(() => String, { nullable: true })
  source?: string | null;
}

@InputType("ChangeMembershipKindInput", {
  description: "Ends the current period the day before `from` and starts one in the new capacity.",
})
export class ChangeMembershipKindInput {
  @Field(() => ID, { description: "Global ID of the current membership period." })
  membership: string;

  @Field(() => Int)
  version: number;

  @Field(() => MembershipKind)
  kind: MembershipKind;

  @Field(() => DateScalar)
  from: IsoDate;

  @Field(() => ID, {
    nullable: true,
    description: "The agenda item that decided it: required to become a MEMBER or ASSOCIATE (an admission in that capacity).",
  })
  agendaItem?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;
}

@InputType("EndMembershipInput", { description: "Ends a membership period (withdrawal, expulsion, merger)." })
export class EndMembershipInput {
  @Field(() => ID)
  membership: string;

  @Field(() => Int)
  version: number;

  @Field(() => DateScalar, { description: "Last day of the period." })
  endedOn: IsoDate;

  @Field(() => String, { description: "Why and where it is recorded." })
  source: string;
}

@ObjectType("MembershipWriteSuccess")
export class MembershipWriteSuccess {
  @Field(() => Government)
  government: Government;

  @Field(() => Membership, { description: "The period made or ended." })
  membership: Membership;
}
