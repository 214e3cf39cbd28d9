import { ArgsType, Field, InputType, registerEnumType } from "type-graphql";
import { COMMITTEE_STATUSES } from "../../charter";
import type { CommitteeStatus as CharterCommitteeStatus } from "../../charter";
import type { IsoDate } from "../../core/dates";
import { enumFrom } from "../../core/enums";
import { PageArgs } from "../../core/pagination";
import { DateScalar } from "../../core/scalars";
import { CommitteeKind } from "./committee.entity";

export const CommitteeStatus = enumFrom(COMMITTEE_STATUSES, "CommitteeStatus", "A committee's state on a given day.");
export type CommitteeStatus = CharterCommitteeStatus;

export enum CommitteeOrder {
  NUMBER_ASC = "NUMBER_ASC",
  NUMBER_DESC = "NUMBER_DESC",
  NAME_ASC = "NAME_ASC",
  NAME_DESC = "NAME_DESC",
}
registerEnumType(CommitteeOrder, {
  name: "CommitteeOrder",
  description: "NUMBER puts the unnumbered bodies (assembly, working and budget review committees) first; NAME orders by the English name.",
});

@InputType({ description: "All given conditions must hold; `status` and `coordinator` are judged on `asOf` (default today)." })
export class CommitteeFilter {
  @Field(() => [CommitteeKind], { nullable: true })
  kinds?: CommitteeKind[] | null;

  @Field(() => CommitteeStatus, { nullable: true })
  status?: CommitteeStatus | null;

  @Field(() => String, { nullable: true, description: "Slug of a government coordinating the committee on `asOf`." })
  coordinator?: string | null;

  @Field(() => String, { nullable: true, description: "Text found in the English or Chinese name (case-insensitive)." })
  search?: string | null;

  @Field(() => DateScalar, { nullable: true })
  asOf?: IsoDate | null;
}

@ArgsType()
export class CommitteesArgs extends PageArgs {
  @Field(() => CommitteeFilter, { nullable: true })
  filter?: CommitteeFilter | null;

  @Field(() => CommitteeOrder, { defaultValue: CommitteeOrder.NUMBER_ASC })
  orderBy: CommitteeOrder;
}
