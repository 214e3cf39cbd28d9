import { Field, ObjectType } from "type-graphql";
import { CharterInputError } from "../charter";
import type { Reason } from "../charter";
import { InputError } from "./errors";

@ObjectType("Reason", { description: "One reason behind a derived answer, with the article that gives it." })
export class ReasonType {
  @Field(() => String, { description: "Stable code, e.g. DUES_ARREARS, ASSOCIATE_NO_RIGHT." })
  code: string;

  @Field(() => String, { description: 'Where the rule is written, e.g. "Charter Art. 9(1)".' })
  article: string;

  @Field(() => String)
  message: string;
}

/**
 * The charter's reasons as the graph's: the objects themselves (a `Reason` has the
 * type's three fields), so a lazy reason writes its sentence only if a client asks
 * for `message`, and no copy is made per reason.
 */
export function toReasons(reasons: readonly Reason[]): ReasonType[] {
  return [...reasons];
}

/** Runs a charter rule, turning its input errors into BAD_USER_INPUT naming the argument. */
export function applyRule<T>(rule: () => T, argumentPrefix = ""): T {
  try {
    return rule();
  } catch (error) {
    // The rules' messages begin with the field's name, so the prefix reads as its path.
    if (error instanceof CharterInputError) throw new InputError(`${argumentPrefix}${error.message}`, `${argumentPrefix}${error.field}`);
    throw error;
  }
}
