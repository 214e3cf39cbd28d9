import { Field, ObjectType } from "type-graphql";
import { ReasonType } from "../../core/reasons";

@ObjectType("Money", { description: "An amount in whole minor units of its currency, and the same as a decimal." })
export class MoneyType {
  @Field(() => String, { description: "ISO 4217." })
  currency: string;

  @Field(() => String, { description: "Integer minor units (won, cents), as a string: exact at any size." })
  minorUnits: string;

  @Field(() => String, { description: "The decimal amount, e.g. 12345.67." })
  amount: string;
}

@ObjectType("MemberCostShare")
export class MemberCostShareType {
  governmentId: number;

  @Field(() => Boolean)
  attended: boolean;

  @Field(() => MoneyType, { description: "C/D before any reduction." })
  share: MoneyType;

  @Field(() => MoneyType, { description: "Waived for force majeure, or the whole share when absent: the host covers it." })
  coveredByHost: MoneyType;

  @Field(() => MoneyType)
  payable: MoneyType;
}

@ObjectType("AssemblyCostShares", {
  description: "Who pays what of a General Assembly (Charter Art. 15(2)(ii)); the amounts sum exactly to the total.",
})
export class AssemblyCostSharesType {
  @Field(() => MoneyType)
  total: MoneyType;

  hostGovernmentId: number;

  @Field(() => MoneyType, { description: "B = A − C: the host's half (the odd unit included)." })
  hostHalf: MoneyType;

  @Field(() => MoneyType, { description: "Units C/D leaves over, paid by the host." })
  remainder: MoneyType;

  @Field(() => MoneyType, { description: "Absent members' shares and force-majeure reductions, paid by the host." })
  hostShortfall: MoneyType;

  @Field(() => MoneyType)
  hostPayable: MoneyType;

  @Field(() => [MemberCostShareType], { description: "Every other member on the assembly's first day, by slug." })
  members: MemberCostShareType[];

  @Field(() => [ReasonType])
  reasons: ReasonType[];
}
