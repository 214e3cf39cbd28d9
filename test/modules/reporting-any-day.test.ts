import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/charter";
import { refreshReporting } from "../../src/modules/reporting";
import { seededRandom } from "../support/operations";
import { TEST_TODAY, testCalendar, useTestHub } from "../support/hub";
import { testSettings } from "../support/settings";

/**
 * The reporting tables answer any day of the graph's calendar from spans, computed
 * around the charter's change days (test/charter/change-days.test.ts): asked through
 * `reporting.<table>_on(day)` on days at the edges of the spans and on days drawn at
 * random, they give what the graph gives the public that day, reasons word for word.
 */
const hub = useTestHub();
const calendar = testCalendar();

const GOVERNMENTS = `query ($asOf: Date!) {
  governments(first: 100) {
    totalCount
    nodes {
      slug
      votingRights(asOf: $asOf) { eligible membershipKind reasons { code article message } }
      electionRights(asOf: $asOf) { eligible }
      duesStanding(asOf: $asOf) { restricted restrictedSince }
      duesHistory(asOf: $asOf) { fiscalYear status assessedUsdCents waivedUsdCents paidUsdCents outstandingUsdCents overdue }
    }
  }
}`;
const ASSOCIATION = `query ($asOf: Date!) {
  association { chair(asOf: $asOf) { government { slug } until reasons { code article message } } }
  committees(first: 100) {
    totalCount
    nodes {
      slug
      status(asOf: $asOf)
      coordinator(asOf: $asOf) { coordinators { certainty government { slug } } lastActivity activeInCurrentTerm }
    }
  }
}`;

interface Reason {
  code: string;
  article: string;
  message: string;
}
interface GovernmentsAnswer {
  governments: {
    totalCount: number;
    nodes: {
      slug: string;
      votingRights: { eligible: boolean | null; membershipKind: string | null; reasons: Reason[] };
      electionRights: { eligible: boolean | null };
      duesStanding: { restricted: boolean; restrictedSince: string | null };
      duesHistory: {
        fiscalYear: number;
        status: string;
        assessedUsdCents: number;
        waivedUsdCents: number;
        paidUsdCents: number;
        outstandingUsdCents: number | null;
        overdue: boolean;
      }[];
    }[];
  };
}
interface AssociationAnswer {
  association: { chair: { government: { slug: string } | null; until: string | null; reasons: Reason[] } };
  committees: {
    totalCount: number;
    nodes: {
      slug: string;
      status: string;
      coordinator: {
        coordinators: { certainty: string; government: { slug: string } | null }[];
        lastActivity: string | null;
        activeInCurrentTerm: boolean | null;
      };
    }[];
  };
}

async function sql<T>(query: string, parameters: unknown[] = []): Promise<T[]> {
  return hub.withEntityManager((em) => em.query(query, parameters));
}

/** What the graph answers the public on `day`, as rows of the four answer tables. */
async function graphOn(day: string) {
  const governments = await hub.run<GovernmentsAnswer>(GOVERNMENTS, { asOf: day }, { now: TEST_TODAY });
  const association = await hub.run<AssociationAnswer>(ASSOCIATION, { asOf: day }, { now: TEST_TODAY });
  const errors = [...(governments.errors ?? []), ...(association.errors ?? [])];
  if (errors.length > 0) throw new Error(`the graph refused ${day}: ${JSON.stringify(errors)}`);
  const { nodes } = governments.data!.governments;
  const { chair } = association.data!.association;
  return {
    rights: nodes.map((g) => ({
      government: g.slug,
      membership_kind: g.votingRights.membershipKind,
      voting_eligible: g.votingRights.eligible,
      election_eligible: g.electionRights.eligible,
      dues_restricted: g.votingRights.membershipKind === "MEMBER" ? g.duesStanding.restricted : null,
      restricted_since: g.duesStanding.restrictedSince,
      reasons: g.votingRights.reasons,
    })),
    dues_years: nodes.flatMap((g) =>
      g.duesHistory.map((y) => ({
        government: g.slug,
        fiscal_year: y.fiscalYear,
        status: y.status,
        assessed_usd_cents: y.assessedUsdCents,
        waived_usd_cents: y.waivedUsdCents,
        paid_usd_cents: y.paidUsdCents,
        outstanding_usd_cents: y.outstandingUsdCents,
        overdue: y.overdue,
      })),
    ),
    chair: [{ government: chair.government?.slug ?? null, until: chair.until, reasons: chair.reasons }],
    committees: association.data!.committees.nodes.map((c) => ({
      committee: c.slug,
      status: c.status,
      coordinators: c.coordinator.coordinators.filter((t) => t.certainty === "KNOWN").map((t) => t.government?.slug),
      coordinators_unknown: c.coordinator.coordinators.filter((t) => t.certainty !== "KNOWN").map((t) => t.government?.slug),
      last_activity: c.coordinator.lastActivity,
      active_in_current_term: c.coordinator.activeInCurrentTerm,
    })),
  };
}

/** A day's rows from `reporting.<table>_on(day)`, dates as text, in the graph's order. */
async function reportingOn(day: string) {
  const read = (table: string, columns: string, order: string) =>
    sql<Record<string, unknown>>(`SELECT ${columns} FROM reporting.${table}_on($1) ORDER BY ${order}`, [day]);
  return {
    rights: await read(
      "rights",
      "government, membership_kind, voting_eligible, election_eligible, dues_restricted, restricted_since::text, reasons",
      "government",
    ),
    dues_years: await read(
      "dues_years",
      "government, fiscal_year, status, assessed_usd_cents, waived_usd_cents, paid_usd_cents, outstanding_usd_cents, overdue",
      "government, fiscal_year",
    ),
    chair: await read("chair", "government, until::text, reasons", "1"),
    committees: await read(
      "committees",
      "committee, status, coordinators, coordinators_unknown, last_activity::text, active_in_current_term",
      "committee",
    ),
  };
}

describe("reporting tables: any day, as the graph answers it", () => {
  let edges: string[] = [];
  let withMembership: number;
  let answered: { first: string; last: string };

  beforeAll(async () => {
    answered = await refreshReporting(hub.db.dataSource.manager, {
      today: TEST_TODAY.toISOString().slice(0, 10),
      yearsAhead: testSettings().calendarYearsAhead,
      build: null,
    });
    const starts = await hub.db.dataSource.query<{ day: string }[]>(
      `SELECT DISTINCT valid_from::text AS day FROM (SELECT valid_from FROM reporting.rights UNION SELECT valid_from FROM reporting.dues_years
         UNION SELECT valid_from FROM reporting.chair UNION SELECT valid_from FROM reporting.committees) s ORDER BY 1`,
    );
    edges = starts.map((s) => s.day);
    [{ n: withMembership }] = await hub.db.dataSource.query<{ n: number }[]>(
      `SELECT count(DISTINCT government_id)::int AS n FROM membership`,
    );
  });

  it("gives the graph's answers on the first and last day of spans, and on days drawn at random", async () => {
    expect([answered.first, answered.last]).toEqual([calendar.first, calendar.last]);
    const random = seededRandom(2020);
    const span = (Date.parse(calendar.last) - Date.parse(calendar.first)) / 86_400_000;
    const drawn = Array.from({ length: 12 }, () => addDays(calendar.first, Math.floor(random() * (span + 1))));
    // Every span's first day and the day before it, twelve spans drawn at random, and the calendar's ends.
    const atEdges = Array.from({ length: 12 }, () => edges[Math.floor(random() * edges.length)]).flatMap((day) => [addDays(day, -1), day]);
    const days = [...new Set([calendar.first, calendar.last, "2020-05-01", "2020-12-31", "2021-01-01", ...drawn, ...atEdges])]
      .filter((day) => calendar.first <= day && day <= calendar.last)
      .sort();
    for (const day of days) {
      const [graph, reporting] = [await graphOn(day), await reportingOn(day)];
      const members = new Set(reporting.rights.map((r) => r.government));
      expect({ day, governments: members.size, ...reporting }).toEqual({
        day,
        governments: withMembership,
        rights: graph.rights.filter((r) => members.has(r.government)),
        dues_years: graph.dues_years.filter((r) => members.has(r.government)),
        chair: graph.chair,
        committees: graph.committees.sort((a, b) => a.committee.localeCompare(b.committee)),
      });
    }
  });

  it("refuses a day outside the calendar, saying which days it answers", async () => {
    const after = addDays(calendar.last, 1);
    await expect(sql(`SELECT * FROM reporting.rights_on($1)`, [after])).rejects.toThrow(
      `the reporting tables answer the days from ${calendar.first} to ${calendar.last}, not ${after}`,
    );
  });
});
