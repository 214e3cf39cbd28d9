import type DataLoader from "dataloader";
import { createLoader, loaderById, manyByColumn, manyByKey } from "../../core/loaders";
import type { IsoDate } from "../../core/dates";
import type { LoaderScope } from "../../core/loaders";
import { heldSql, mayBeHeldSql, membershipPeriod } from "../../core/sql";
import { Membership, MembershipKind } from "./membership.entity";

/** Every membership period of each government, oldest first. */
export const membershipsByGovernment = manyByColumn(Membership, "governmentId", { order: [["seq", "ASC"]] });

export const membershipById = loaderById(Membership);

/** Governments known to hold a MEMBER membership on each day asked, by id, in one statement for all the days. */
export function memberIdsOn({ em }: LoaderScope): DataLoader<IsoDate, number[]> {
  return createLoader(async (days) => {
    const rows: { day: string; government_id: number }[] = await em.query(
      `SELECT DISTINCT d.day::text AS day, m.government_id
       FROM unnest($1::date[]) AS d(day)
       JOIN membership m ON m.kind = $2 AND ${heldSql(membershipPeriod("m"), "d.day")}
       ORDER BY 1, 2`,
      [[...days], MembershipKind.MEMBER],
    );
    return manyByKey(days, rows, (row) => row.day).map((list) => list.map((row) => Number(row.government_id)));
  });
}

/**
 * Governments whose MEMBER membership on each day asked is unknown (a start the sources
 * date roughly or not at all covers the day), by id: never among `memberIdsOn`'s.
 */
export function uncertainMemberIdsOn({ em }: LoaderScope): DataLoader<IsoDate, number[]> {
  return createLoader(async (days) => {
    const rows: { day: string; government_id: number }[] = await em.query(
      `SELECT DISTINCT d.day::text AS day, m.government_id
       FROM unnest($1::date[]) AS d(day)
       JOIN membership m ON m.kind = $2 AND ${mayBeHeldSql(membershipPeriod("m"), "d.day")} AND NOT ${heldSql(membershipPeriod("m"), "d.day")}
       ORDER BY 1, 2`,
      [[...days], MembershipKind.MEMBER],
    );
    return manyByKey(days, rows, (row) => row.day).map((list) => list.map((row) => Number(row.government_id)));
  });
}
