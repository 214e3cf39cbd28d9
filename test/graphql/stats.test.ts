import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";

/**
 * The dashboard aggregates against hand counts from the seeds (members.csv,
 * governments-extra.csv, ambassadors.csv, events.csv), each in one request.
 */
describe("stats: the seven dashboard numbers, one request each", () => {
  const hub = useTestHub();

  it("members per country and kind on a day (members.csv: CN 11+1 observer, JP 11+2, KP 2, KR 16, MN 22, RU 16, VN 1 associate)", async () => {
    const result = await hub.run<{
      stats: { governments: { countryCode: string; kind: string; governments: number; founding: number }[] };
    }>(`{ stats(asOf: "2020-12-31") { governments(groupBy: [COUNTRY, KIND]) { countryCode kind governments founding } } }`);
    const cells = Object.fromEntries(result.data!.stats.governments.map((g) => [`${g.countryCode}/${g.kind}`, g.governments]));
    expect(cells).toEqual({
      "CN/MEMBER": 11,
      "CN/OBSERVER": 1,
      "JP/MEMBER": 11,
      "JP/OBSERVER": 2,
      "KP/MEMBER": 2,
      "KR/MEMBER": 16,
      "MN/MEMBER": 22,
      "RU/MEMBER": 16,
      "VN/ASSOCIATE": 1,
    });
    const byKind = await hub.run<{ stats: { governments: { kind: string; governments: number; founding: number }[] } }>(
      `{ stats(asOf: "2020-12-31") { governments(groupBy: [KIND]) { kind governments founding } } }`,
    );
    // founding_1996: 29 "yes" among the members.
    expect(byKind.data!.stats.governments).toContainEqual({ kind: "MEMBER", governments: 78, founding: 29 });
  });

  it("membership over time: every admission counted, the 23 undated ones in their own bucket, never guessed", async () => {
    const result = await hub.run<{
      stats: {
        membershipTimeline: {
          admissionsWithUnknownDate: number;
          admissionsTotal: number;
          years: { year: number; admissions: number; membersAtEnd: number }[];
        };
      };
    }>(
      `{ stats(asOf: "2020-12-31") { membershipTimeline { admissionsWithUnknownDate admissionsTotal years { year admissions membersAtEnd } } } }`,
    );
    const timeline = result.data!.stats.membershipTimeline;
    // members.csv: 23 rows with no join year (22 Mongolian governments and Primorsky); 82 periods in all.
    expect([timeline.admissionsWithUnknownDate, timeline.admissionsTotal]).toEqual([23, 82]);
    expect(timeline.years.reduce((sum, y) => sum + y.admissions, 0)).toBe(82 - 23);
    expect(timeline.years[0].year).toBe(1996);
    expect(timeline.years.at(-1)).toMatchObject({ year: 2020, membersAtEnd: 78 });
  });

  it("the timeline of members alone: their 78 admissions, by members.csv's join years", async () => {
    type Timeline = { admissionsWithUnknownDate: number; admissionsTotal: number; years: { year: number; admissions: number }[] };
    const result = await hub.run<{ stats: { members: Timeline; all: Timeline } }>(
      `{ stats(asOf: "2020-12-31") {
          members: membershipTimeline(kinds: [MEMBER]) { admissionsWithUnknownDate admissionsTotal years { year admissions } }
          all: membershipTimeline { admissionsWithUnknownDate admissionsTotal years { year admissions } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const { members, all } = result.data!.stats;
    const byYear = (t: Timeline) => Object.fromEntries(t.years.filter((y) => y.admissions > 0).map((y) => [y.year, y.admissions]));
    // members.csv, kind MEMBER: 78 rows, 23 without a join year; the others by join_year.
    expect([members.admissionsWithUnknownDate, members.admissionsTotal]).toEqual([23, 78]);
    expect(byYear(members)).toEqual({ 1996: 29, 1998: 1, 2000: 2, 2002: 2, 2006: 7, 2008: 5, 2010: 1, 2012: 1, 2014: 2, 2016: 4, 2018: 1 });
    // Every kind: the observers' and the associate's admissions besides (1998: 3, 2018: 2, 2020: 1).
    expect([all.admissionsTotal, byYear(all)[1998], byYear(all)[2018], byYear(all)[2020]]).toEqual([82, 3, 2, 1]);
    const empty = await hub.run(`{ stats { membershipTimeline(kinds: []) { admissionsTotal } } }`);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "kinds" });
  });

  it("population and area per country with the census year of each figure, Rason not added twice, beside the report's stated figure", async () => {
    const result = await hub.run<{
      stats: {
        populationByCountry: {
          countryCode: string;
          population: number;
          censusYears: { year: number; governments: number }[];
          populationCountedElsewhere: string[];
        }[];
      };
      association: { statedFigures: { key: string; value: number; computed: { value: number } | null; difference: number | null }[] };
    }>(`{
      stats(asOf: "2020-12-31") { populationByCountry { countryCode population censusYears { year governments } populationCountedElsewhere } }
      association { statedFigures { key value computed { value } difference } }
    }`);
    const groups = result.data!.stats.populationByCountry;
    // governments-extra.csv, members only, kp-rason left out (its 2008 figure is inside North Hamgyong's).
    expect(Object.fromEntries(groups.map((g) => [g.countryCode, g.population]))).toEqual({
      CN: 547_737_529,
      JP: 17_668_610,
      KP: 2_327_362,
      KR: 42_460_211,
      MN: 3_296_866,
      RU: 19_703_620,
    });
    expect(groups.find((g) => g.countryCode === "KP")).toMatchObject({
      populationCountedElsewhere: ["kp-rason"],
      censusYears: [{ year: 2008, governments: 2 }],
    });
    const population = result.data!.association.statedFigures.find((f) => f.key === "member-population")!;
    expect(population).toEqual({
      key: "member-population",
      value: 660_000_000,
      computed: { value: 633_194_198 },
      difference: 633_194_198 - 660_000_000,
    });
  });

  it("the report's figures come straight off statedFigures, with the hub's own beside them", async () => {
    const result = await hub.run<{
      association: { statedFigures: { key: string; value: number; unit: string; source: string; computed: { value: number } | null }[] };
    }>(`{ association { statedFigures { key value unit source computed { value } } } }`);
    const figures = Object.fromEntries(result.data!.association.statedFigures.map((f) => [f.key, [f.value, f.computed?.value ?? null]]));
    expect(figures).toEqual({
      "member-population": [660_000_000, 633_194_198],
      members: [78, 78],
      "member-countries": [6, 6],
      "secretariat-budget-krw": [1_500_000_000, null],
      "secretariat-budget-usd": [1_360_000, null],
      "secretariat-share-gyeongbuk": [70, null],
      "secretariat-share-pohang": [30, null],
      "postponement-agreed": [66, 66],
      "ambassador-people": [40, 40],
      "ambassador-governments": [27, 27],
      "ambassador-countries": [5, 5],
      "art-contest-entries": [323, 323],
    });
  });

  it("ambassadors: 40 people in 27 appointments from 27 governments of 5 countries, by round", async () => {
    const result = await hub.run(
      `{ stats(asOf: "2020-12-31") { ambassadors(groupBy: ROUND) { people appointments governments countries secretariatPeople groups { key people appointments } } } }`,
    );
    // ambassadors.csv: round 1 has 17 rows, round 2 10; the secretariat's own ambassador is apart.
    expect(result.data).toEqual({
      stats: {
        ambassadors: {
          people: 40,
          appointments: 27,
          governments: 27,
          countries: 5,
          secretariatPeople: 1,
          groups: [
            // events.csv: "26 ambassadors from 17 members" (first round), "14 ambassadors from 10 members" (second).
            { key: "1", people: 26, appointments: 17 },
            { key: "2", people: 14, appointments: 10 },
          ],
        },
      },
    });
  });

  it("events per year and kind, events and held meetings together (events.csv: 53; meetings: 17, the 13th General Assembly postponed)", async () => {
    const result = await hub.run<{ stats: { events: { kind: string; count: number }[] } }>(
      `{ stats(asOf: "2025-12-31") { events(groupBy: [KIND]) { kind count } } }`,
    );
    const total = result.data!.stats.events.reduce((sum, g) => sum + g.count, 0);
    const meetings = result.data!.stats.events.find((g) => g.kind === "MEETING_RECORD")!.count;
    expect([total - meetings, meetings]).toEqual([53, 16]);
  });

  it("dues collection per fiscal year says plainly when no ledger covers a year, and restricted members", async () => {
    const result = await hub.run(
      `{ stats(asOf: "2020-12-31") { dues(from: 2019) { fiscalYear onLedger membersAssessed outstandingUsdCents collectionRate membersRestricted } } }`,
    );
    expect(result.data).toEqual({
      stats: {
        dues: [
          // members.csv: every one of the 78 joined before 2019 or has no known date (counted as early); nothing known of payments.
          {
            fiscalYear: 2019,
            onLedger: false,
            membersAssessed: 78,
            outstandingUsdCents: null,
            collectionRate: null,
            membersRestricted: 0,
          },
          {
            fiscalYear: 2020,
            onLedger: false,
            membersAssessed: 78,
            outstandingUsdCents: null,
            collectionRate: null,
            membersRestricted: 0,
          },
        ],
      },
    });
  });

  it("committees and staffing", async () => {
    const result = await hub.run<{
      stats: {
        committees: { specialisedActive: number; specialisedAbolished: number };
        staffing: { key: string | null; current: number; former: number; people: number }[];
      };
    }>(
      `{ stats(asOf: "2020-12-31") { committees { specialisedActive specialisedAbolished } staffing(groupBy: DEPARTMENT) { key current former people } } }`,
    );
    // committees.csv: 20 specialised committees, 3 of them deleted.
    expect(result.data!.stats.committees).toEqual({ specialisedActive: 17, specialisedAbolished: 3 });
    const staffing = result.data!.stats.staffing;
    // staff.csv: 25 people, 17 CURRENT and 8 FORMER at the end of 2020.
    expect([
      staffing.reduce((sum, g) => sum + g.people, 0),
      staffing.reduce((sum, g) => sum + g.current, 0),
      staffing.reduce((sum, g) => sum + g.former, 0),
    ]).toEqual([25, 17, 8]);
  });

  it("refuses a group-by named twice and a bad range with BAD_USER_INPUT", async () => {
    const twice = await hub.run(`{ stats { governments(groupBy: [KIND, KIND]) { governments } } }`);
    const range = await hub.run(`{ stats { membershipTimeline(from: 1990) { admissionsTotal } } }`);
    expect([twice.errors?.[0]?.extensions?.["code"], range.errors?.[0]?.extensions?.["code"]]).toEqual([
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
    ]);
  });
});

describe("events with their figures as fields", () => {
  const hub = useTestHub();

  it("the contest's 323 entries and each country's part, as figures rather than words", async () => {
    const result = await hub.run<{ events: { nodes: { figures: { measure: string; value: number; countryCode: string | null }[] }[] } }>(
      `{ events(filter: { search: "Youth Art Contest" }) { nodes { figures { measure value countryCode } } } }`,
    );
    expect(result.data!.events.nodes[0].figures).toEqual([
      { measure: "entries", value: 323, countryCode: null },
      { measure: "entries", value: 105, countryCode: "CN" },
      { measure: "entries", value: 22, countryCode: "JP" },
      { measure: "entries", value: 18, countryCode: "KR" },
      { measure: "entries", value: 46, countryCode: "MN" },
      { measure: "entries", value: 132, countryCode: "RU" },
    ]);
  });

  it("refuses an unknown group-by value sent as a variable with BAD_USER_INPUT", async () => {
    const result = await hub.run(`query ($g: [GovernmentGroupBy!]!) { stats { governments(groupBy: $g) { governments } } }`, {
      g: ["PLANET"],
    });
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
  });
});
