import { createParameterDecorator } from "type-graphql";
import type { ResolverData } from "type-graphql";
import type { RequestContext } from "./context";
import type { IsoDate } from "./dates";
import { DateScalar } from "./scalars";

/**
 * The day a field answers for: its `asOf` argument, or the request's today (UTC). It
 * answers at once, with no promise: graphql/direct-resolvers.ts may call a field
 * resolver taking it directly.
 */
export const asOfOrToday = ({ args, context }: ResolverData<RequestContext>): IsoDate =>
  (args["asOf"] as IsoDate | null | undefined) ?? context.today;

/**
 * The optional `asOf: Date` argument, given to the resolver with its default applied:
 * the day asked, or today. Every field that answers for a day takes it this way, so
 * the default is written once.
 */
export function AsOf(options: { description?: string } = {}): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator(asOfOrToday, {
    arg: {
      name: "asOf",
      typeFunc: () => DateScalar,
      options: { nullable: true, ...(options.description === undefined ? {} : { description: options.description }) },
    },
  });
}
