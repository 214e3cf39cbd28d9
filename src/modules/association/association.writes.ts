import { Field, InputType, Int, ObjectType } from "type-graphql";
import type { UnitOfWork } from "../../core/context";
import type { IsoDate } from "../../core/dates";
import { InputError } from "../../core/errors";
import { DateScalar } from "../../core/scalars";
import { updateVersioned } from "../access";
import type { Written } from "../access";
import { Association } from "./association.entity";
import { aboutOf } from "./association.service";
import { About } from "./association.types";

@InputType("MoveFactsHorizonInput", { description: "The day up to which the records are now complete, and what shows it." })
export class MoveFactsHorizonInput {
  @Field(() => DateScalar, { description: "Later than the current horizon (`about.factsCompleteUntil`), and not after today." })
  factsCompleteUntil: IsoDate;

  @Field(() => String, {
    description: "What the secretariat checked to say so (an annual report, the ledger closed): kept in the audit log.",
  })
  source: string;

  @Field(() => Int, { description: "The association's version as you read it (`association.version`)." })
  version: number;
}

@ObjectType("MoveFactsHorizonSuccess")
export class MoveFactsHorizonSuccess {
  @Field(() => About)
  about: About;
}

/** Moves the facts horizon forward: answers up to the new day stop warning that later changes may be missing. */
export async function moveFactsHorizon(uow: UnitOfWork, input: MoveFactsHorizonInput): Promise<Written<MoveFactsHorizonSuccess>> {
  if (input.source.trim() === "") throw new InputError("input.source must say what shows the records complete", "input.source");
  if (input.factsCompleteUntil > uow.today) {
    throw new InputError(
      `input.factsCompleteUntil (${input.factsCompleteUntil}) is after today (${uow.today})`,
      "input.factsCompleteUntil",
    );
  }
  const { before, after } = await updateVersioned(uow.em, Association, "association", { id: 1 }, input.version, {
    factsCompleteUntil: input.factsCompleteUntil,
  });
  if (input.factsCompleteUntil <= before.factsCompleteUntil) {
    throw new InputError(
      `input.factsCompleteUntil (${input.factsCompleteUntil}) must be after the current horizon (${before.factsCompleteUntil}): the horizon only moves forward`,
      "input.factsCompleteUntil",
    );
  }
  uow.loaders.clear();
  return {
    result: Object.assign(new MoveFactsHorizonSuccess(), { about: await aboutOf(uow) }),
    targets: ["association"],
    before: { factsCompleteUntil: before.factsCompleteUntil },
    after: { factsCompleteUntil: after.factsCompleteUntil },
    changes: [{ kind: "factsHorizonMoved", factsCompleteUntil: after.factsCompleteUntil }],
  };
}
