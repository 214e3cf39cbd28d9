import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { associationRecord } from "./association.loader";

@ObjectType("About", { description: "The hub's records as a whole." })
export class About {
  @Field(() => String)
  name: string;

  @Field(() => DateScalar, {
    description: "The records are complete up to this day. Answers for a later `asOf` use what is known and may miss later changes.",
  })
  factsCompleteUntil: IsoDate;

  @Field(() => String, { description: "Where the shipped facts come from." })
  factsSource: string;

  @Field(() => DateScalar, { description: "The day `asOf` means when left out: today, UTC." })
  today: IsoDate;
}

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About)
  async about(@Ctx() ctx: RequestContext): Promise<About> {
    const association = await ctx.loaders.get(associationRecord).load(1);
    return Object.assign(new About(), {
      name: association.nameEn,
      factsCompleteUntil: association.factsCompleteUntil,
      factsSource: association.factsSource,
      today: ctx.today,
    });
  }
}
