import { Ctx, Field, ObjectType, Query, Resolver } from "type-graphql";
import type { RequestContext } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { DateScalar } from "../../core/scalars";
import { Association } from "./association.entity";

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

/** The horizon of the records, read once per request at most. */
export async function loadAssociation(ctx: Pick<RequestContext, "em">): Promise<Association> {
  return ctx.em.getRepository(Association).findOneByOrFail({ id: 1 });
}

@Resolver(() => About)
export class AboutResolver {
  @Query(() => About)
  async about(@Ctx() ctx: RequestContext): Promise<About> {
    const association = await loadAssociation(ctx);
    return Object.assign(new About(), {
      name: association.nameEn,
      factsCompleteUntil: association.factsCompleteUntil,
      factsSource: association.factsSource,
      today: ctx.today,
    });
  }
}
