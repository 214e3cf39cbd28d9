import { createUnionType, Field, Int, InterfaceType, ObjectType } from "type-graphql";
import type { ClassType } from "type-graphql";
import { ReasonType } from "../../core/reasons";

/**
 * An expected reason a write did not happen, returned in the mutation's result
 * union rather than as an error, so a client can switch on `__typename` and show
 * `message` beside `field`. Nothing was written.
 */
@InterfaceType("MutationProblem", { description: "Why a write did not happen. Nothing was written." })
abstract class MutationProblem {
  @Field(() => String, { description: "BAD_USER_INPUT, NOT_FOUND, CONFLICT or CHARTER_REFUSED." })
  code: string;

  @Field(() => String, { description: "What to change, for a person." })
  message: string;
}

@ObjectType("InvalidInput", { implements: MutationProblem })
export class InvalidInput extends MutationProblem {
  @Field(() => String, { nullable: true, description: "The input field at fault, e.g. input.paidOn." })
  field: string | null;
}

@ObjectType("NotFound", { implements: MutationProblem })
export class NotFound extends MutationProblem {
  @Field(() => String, { nullable: true, description: "The input field naming what was not found." })
  field: string | null;
}

@ObjectType("Conflict", { implements: MutationProblem, description: "A stale `version`, or a duplicate of a recorded row." })
export class Conflict extends MutationProblem {
  @Field(() => Int, { nullable: true, description: "The version now stored, to reload and retry with." })
  currentVersion: number | null;
}

@ObjectType("CharterRefusal", { implements: MutationProblem, description: "The charter forbids the write." })
export class CharterRefusal extends MutationProblem {
  @Field(() => [ReasonType])
  reasons: ReasonType[];
}

const PROBLEMS = [InvalidInput, NotFound, Conflict, CharterRefusal] as const;

/** `<Name>Result`: the mutation's success type or one of the problems. */
export function mutationResult<T extends object>(name: string, success: ClassType<T>) {
  return createUnionType({
    name: `${name}Result`,
    types: () => [success, ...PROBLEMS] as const,
    resolveType: (value) => {
      const problem = PROBLEMS.find((type) => value instanceof type);
      return problem ?? success;
    },
  });
}
