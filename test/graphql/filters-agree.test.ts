import { PUBLIC_VIEWER } from "../../src/core/viewer";
import { describe, expect, it } from "vitest";
import { appointmentHeldOn, covers, membershipHeldOn } from "../../src/charter";
import type { AppointmentPeriod } from "../../src/charter";
import { appointmentHeldSql } from "../../src/core/sql";
import { LoaderRegistry } from "../../src/core/loaders";
import { Membership, memberIdsOn, membershipPeriodOf, uncertainMemberIdsOn } from "../../src/modules/membership";
import { useTestHub } from "../support/hub";

/**
 * The charter's `covers` has one SQL form (`coversSql`); filters that run in the
 * database must agree with the rule run in Node, on the seeded rows, on days that
 * fall before, on and after period boundaries.
 */
describe("SQL filters agree with the charter's rules", () => {
  const hub = useTestHub();
  const DAYS = ["1996-09-12", "1999-12-31", "2004-09-01", "2010-10-28", "2016-12-31", "2019-06-30", "2020-12-31"];

  async function membershipsInNode(): Promise<Membership[]> {
    return hub.withEntityManager((em) => em.getRepository(Membership).find({ order: { governmentId: "ASC" } }));
  }

  it("memberIdsOn (SQL) = governments whose MEMBER period covers the day (charter)", async () => {
    const memberships = await membershipsInNode();
    const fromSql = await hub.withEntityManager((em) => new LoaderRegistry({ em, viewer: PUBLIC_VIEWER }).get(memberIdsOn).loadMany(DAYS));
    const inNode = DAYS.map((day) => [
      ...new Set(memberships.filter((m) => m.kind === "MEMBER" && covers(m, day)).map((m) => m.governmentId)),
    ]);
    expect(fromSql).toEqual(inNode);
    // Not a vacuous agreement: the days see different member sets.
    expect(new Set(inNode.map((ids) => ids.length)).size).toBeGreaterThan(2);
  });

  it("uncertainMemberIdsOn (SQL) = governments whose MEMBER period may hold the day but is not known to (charter: UNKNOWN)", async () => {
    const memberships = await membershipsInNode();
    const fromSql = await hub.withEntityManager((em) =>
      new LoaderRegistry({ em, viewer: PUBLIC_VIEWER }).get(uncertainMemberIdsOn).loadMany(DAYS),
    );
    const inNode = DAYS.map((day) => [
      ...new Set(
        memberships
          .filter((m) => m.kind === "MEMBER" && membershipHeldOn(membershipPeriodOf(m), day) === "UNKNOWN")
          .map((m) => m.governmentId),
      ),
    ]);
    expect(fromSql).toEqual(inNode);
    expect(inNode.some((ids) => ids.length > 0)).toBe(true);
  });

  it("governments(filter: { kinds, asOf }) (SQL) = governments with a period of those kinds covering the day (charter)", async () => {
    const memberships = await membershipsInNode();
    for (const day of DAYS) {
      for (const kinds of [["MEMBER"], ["OBSERVER", "ASSOCIATE"]]) {
        const result = await hub.run<{ governments: { nodes: { slug: string }[] } }>(
          "query ($day: Date, $kinds: [MembershipKind!]) { governments(first: 100, filter: { kinds: $kinds, asOf: $day }) { nodes { slug } } }",
          { day, kinds },
        );
        const governmentIds = new Set(memberships.filter((m) => kinds.includes(m.kind) && covers(m, day)).map((m) => m.governmentId));
        const expected = await hub.withEntityManager(async (em) =>
          (await em.query('SELECT slug FROM government WHERE id = ANY($1) ORDER BY slug COLLATE "C"', [[...governmentIds]])).map(
            (row: { slug: string }) => row.slug,
          ),
        );
        expect(result.data!.governments.nodes.map((g) => g.slug)).toEqual(expected);
      }
    }
  });

  it("appointmentHeldSql (SQL) = appointments the charter's appointmentHeldOn holds on the day, the staff filter's and the stats' form", async () => {
    const appointments = await hub.withEntityManager((em) =>
      em.query<(AppointmentPeriod & { id: number })[]>(
        `SELECT id, to_char(started_on, 'YYYY-MM-DD') AS "startedOn", to_char(ended_on, 'YYYY-MM-DD') AS "endedOn", status
           FROM appointment ORDER BY id`,
      ),
    );
    const days = [...DAYS, "2018-04-01", "2021-06-30"];
    const inNode = days.map((day) => appointments.filter((a) => appointmentHeldOn(a, day)).map((a) => a.id));
    const fromSql = await hub.withEntityManager(async (em) => {
      const held: number[][] = [];
      for (const day of days) {
        const rows: { id: number }[] = await em.query(`SELECT id FROM appointment a WHERE ${appointmentHeldSql("a", "$1")} ORDER BY id`, [
          day,
        ]);
        held.push(rows.map((row) => row.id));
      }
      return held;
    });
    expect(fromSql).toEqual(inNode);
    // Not vacuous: some days hold appointments, and FORMER ones without an end are never held.
    expect(new Set(inNode.map((ids) => ids.length)).size).toBeGreaterThan(1);
    expect(appointments.some((a) => a.status === "FORMER" && a.endedOn === null)).toBe(true);
  });
});
