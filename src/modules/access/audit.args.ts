import { ArgsType, Field, GraphQLISODateTime, InputType } from "type-graphql";
import { PageArgs } from "../../core/pagination";

@InputType({ description: "All given conditions must hold." })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: "A mutation's name, e.g. recordDuesPayment." })
  operation?: string | null;

  @Field(() => String, { nullable: true, description: "The acting key's label." })
  actorLabel?: string | null;

  @Field(() => String, { nullable: true, description: "A global ID the write changed or made." })
  targetId?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  filter?: AuditLogFilter | null;
}
