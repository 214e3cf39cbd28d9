import { FieldResolver, Resolver, Root } from "type-graphql";
import { Reads } from "../../core/reads/read-plan";
import { membershipStartWindow } from "../../charter";
import { Membership } from "./membership.entity";
import { MEMBERSHIP_PERIOD_COLUMNS, membershipPeriodOf } from "./membership.periods";
import { Certainty, DateWindowType } from "./membership.types";

/** A membership asked for on a day, with how certainly it holds then (`Government.membership(asOf:)`). */
export type MembershipOnDay = Membership & { certainty?: Certainty };

/** The membership `row` as the answer for a day: the row itself, with the certainty it holds on that day. */
export function membershipOnDay(row: Membership, certainty: Certainty): MembershipOnDay {
  return Object.assign(Object.create(row) as Membership, { certainty });
}

@Resolver(() => Membership)
export class MembershipPeriodResolver {
  @Reads<Membership>(MEMBERSHIP_PERIOD_COLUMNS)
  @FieldResolver(() => DateWindowType, {
    description:
      "The days its start can fall on: the day itself, the month or year the sources give, or, when they give none, from NEAR's founding (1996-09-12) to the first day a source attests the membership.",
  })
  startWindow(@Root() membership: Pick<Membership, (typeof MEMBERSHIP_PERIOD_COLUMNS)[number]>): DateWindowType {
    return Object.assign(new DateWindowType(), membershipStartWindow(membershipPeriodOf(membership)));
  }

  @Reads([])
  @FieldResolver(() => Certainty, {
    nullable: true,
    description:
      "Given when asked for a day (`Government.membership(asOf:)`): KNOWN when the sources say it holds that day, UNKNOWN when the day lies inside a start or end they date only roughly, or not at all.",
  })
  certainty(@Root() membership: Pick<MembershipOnDay, "certainty">): Certainty | null {
    return membership.certainty ?? null;
  }
}
