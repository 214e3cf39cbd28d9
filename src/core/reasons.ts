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

export function toReasons(reasons: readonly Reason[]): ReasonType[] {
  // The message stays a getter: a charter sentence is formatted only if a client asks for it.
  return reasons.map((r) => {
    const type = new ReasonType();
    type.code = r.code;
    type.article = r.article;
    Object.defineProperty(type, "message", { enumerable: true, configurable: true, get: () => r.message });
    return type;
  });
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
