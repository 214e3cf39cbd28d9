import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { refreshReporting } from "../../src/modules/reporting";
import { createServer } from "../../src/http/server";
import { TEST_TODAY } from "../support/hub";
import { silentLogger } from "../support/logger";
import { admin, databaseUrl, freshDatabase } from "../support/services";
import type { ServiceDatabase } from "../support/services";
import { testSettings } from "../support/settings";

const DAY = "2020-12-31";

/** Counts by key, zeros left out: how the three ways are compared (an empty group is a row in one and absent in another). */
type Counts = Record<string, number>;
const counts = (entries: [string, number][]): Counts =>
  Object.fromEntries(entries.filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b)));

/**
 * docs/bi.md promises three ways in with the same numbers: GraphQL (`stats`,
 * `association`), CSV (`/export/<dataset>.csv`) and SQL (the `reporting` schema, as a
 * login in `near_reporting` reads it). The analyst's seven questions, asked each way on
 * 2020-12-31, answer the same.
 */
describe("BI three ways on PostgreSQL: GraphQL, CSV and SQL answer the seven questions the same", () => {
  let database: ServiceDatabase;
  let app: FastifyInstance;
  let sql: pg.Client;
  const login = `near_bi_test_${process.pid}`;

  beforeAll(async () => {
    database = await freshDatabase();
    const { dataSource } = await database.open();
    await refreshReporting(dataSource.manager, { today: DAY, yearsAhead: testSettings().calendarYearsAhead, build: null });
    app = await createServer({
      dataSource,
      logger: silentLogger(),
      settings: testSettings({ rateLimit: null }),
      factsCompleteUntil: () => DAY,
      now: () => TEST_TODAY,
    });
    await admin(async (c) => {
      await c.query(`DROP ROLE IF EXISTS ${login}`);
      await c.query(`CREATE ROLE ${login} LOGIN IN ROLE near_reporting`);
    });
    sql = new pg.Client({ connectionString: databaseUrl(database.name).replace("postgres@", `${login}@`) });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await app?.close();
    await database?.drop();
    await admin((c) => c.query(`DROP ROLE IF EXISTS ${login}`));
  });

  async function graphql<T>(query: string): Promise<T> {
    const response = await app.inject({ method: "POST", url: "/graphql", payload: { query } });
    const body = response.json();
    expect(body.errors).toBeUndefined();
    return body.data as T;
  }
  async function csv(url: string): Promise<Record<string, string>[]> {
    const response = await app.inject({ method: "GET", url });
    expect([response.statusCode, response.statusCode === 200 ? "" : response.body]).toEqual([200, ""]);
    return parse<Record<string, string>>(response.rawPayload.toString("utf8"), { bom: true, columns: true });
  }
  /** Rows with every value as text (the statements cast), or null. */
  async function select(text: string): Promise<Record<string, string | number | null>[]> {
    return (await sql.query(text, text.includes("$1") ? [DAY] : [])).rows;
  }
  /** The day an appointment counts as held, as the hub's rule says it (docs/bi.md): what a BI tool filters rows by. */
  const heldOnDay = (row: Record<string, string | number | null>): boolean =>
    (!row["started_on"] || `${row["started_on"]}` <= DAY) && (row["ended_on"] ? `${row["ended_on"]}` >= DAY : row["status"] === "CURRENT");

  it("1. members, observers and associates per country", async () => {
    const viaGraphql = await graphql<{ stats: { governments: { countryCode: string; kind: string; governments: number }[] } }>(
      `{ stats(asOf: "${DAY}") { governments(groupBy: [COUNTRY, KIND]) { countryCode kind governments } } }`,
    );
    const viaCsv = await csv(`/export/governments-by-country-and-kind.csv?asOf=${DAY}`);
    const viaSql = await select(
      `SELECT g.country_code, r.membership_kind AS kind, count(*)::int AS n FROM reporting.rights_on($1) r
         JOIN reporting.governments g ON g.slug = r.government
        WHERE r.membership_kind IS NOT NULL GROUP BY 1, 2`,
    );
    const answer = counts(viaGraphql.stats.governments.map((g) => [`${g.countryCode} ${g.kind}`, g.governments]));
    expect(answer).toMatchObject({ "CN MEMBER": 11, "JP MEMBER": 11, "KP MEMBER": 2, "KR MEMBER": 16, "MN MEMBER": 22, "RU MEMBER": 16 });
    expect(counts(viaCsv.map((r) => [`${r["country"]} ${r["kind"]}`, Number(r["governments"])]))).toEqual(answer);
    expect(counts(viaSql.map((r) => [`${r["country_code"]} ${r["kind"]}`, Number(r["n"])]))).toEqual(answer);
  });

  it("2. members' admissions per year, and those of no known year", async () => {
    const viaGraphql = await graphql<{
      stats: { membershipTimeline: { admissionsWithUnknownDate: number; years: { year: number; admissions: number }[] } };
    }>(`{ stats(asOf: "${DAY}") { membershipTimeline(kinds: [MEMBER]) { admissionsWithUnknownDate years { year admissions } } } }`);
    const viaCsv = await csv(`/export/membership-timeline.csv?asOf=${DAY}&kinds=MEMBER`);
    const viaSql = await select(
      `SELECT extract(year FROM started_on)::int::text AS year, count(*)::int AS n FROM reporting.membership_periods
        WHERE kind = 'MEMBER' AND started_on <= $1 GROUP BY 1`,
    );
    const undated = await select(
      `SELECT count(*)::int AS n FROM reporting.membership_periods WHERE kind = 'MEMBER' AND started_on IS NULL`,
    );
    const timeline = viaGraphql.stats.membershipTimeline;
    const answer = counts(timeline.years.map((y) => [String(y.year), y.admissions]));
    expect(Object.values(answer).reduce((a, b) => a + b, 0) + timeline.admissionsWithUnknownDate).toBe(78);
    expect(counts(viaCsv.map((r) => [r["year"], Number(r["admissions"])]))).toEqual(answer);
    expect(counts(viaSql.map((r) => [String(r["year"]), Number(r["n"])]))).toEqual(answer);
    expect(undated[0]["n"]).toBe(timeline.admissionsWithUnknownDate);
  });

  it("3. members' population per country, a figure inside another's not added twice", async () => {
    const viaGraphql = await graphql<{ stats: { populationByCountry: { countryCode: string; population: number }[] } }>(
      `{ stats(asOf: "${DAY}") { populationByCountry(kinds: [MEMBER]) { countryCode population } } }`,
    );
    const viaCsv = await csv(`/export/population-by-country.csv?asOf=${DAY}&kinds=MEMBER`);
    const viaSql = await select(
      `WITH members AS (SELECT g.* FROM reporting.governments g
                          JOIN reporting.rights_on($1) r ON r.government = g.slug AND r.membership_kind = 'MEMBER')
       SELECT country_code, sum(population) FILTER (WHERE population_included_in IS NULL
                                                       OR population_included_in NOT IN (SELECT slug FROM members))::float8 AS population
         FROM members GROUP BY 1`,
    );
    const answer = counts(viaGraphql.stats.populationByCountry.map((g) => [g.countryCode, g.population]));
    expect(Object.values(answer).reduce((a, b) => a + b, 0)).toBe(633_194_198);
    expect(counts(viaCsv.map((r) => [r["country"], Number(r["population"])]))).toEqual(answer);
    expect(counts(viaSql.map((r) => [String(r["country_code"]), Number(r["population"])]))).toEqual(answer);
  });

  it("4. specialised committees active, and coordinators per country", async () => {
    const viaGraphql = await graphql<{
      stats: { committees: { specialisedActive: number; coordinatorsByCountry: { countryCode: string; count: number }[] } };
    }>(`{ stats(asOf: "${DAY}") { committees { specialisedActive coordinatorsByCountry { countryCode count } } } }`);
    const committees = await csv(`/export/committees.csv?asOf=${DAY}`);
    const governments = new Map((await csv(`/export/governments.csv`)).map((g) => [g["slug"], g["country"]]));
    const activeSql = await select(
      `SELECT count(*)::int AS n FROM reporting.committees_on($1) WHERE kind = 'SPECIALISED' AND status = 'ACTIVE'`,
    );
    const coordinatorsSql = await select(
      `SELECT g.country_code, count(*)::int AS n FROM reporting.committees_on($1) c, unnest(c.coordinators) AS coordinator
         JOIN reporting.governments g ON g.slug = coordinator GROUP BY 1`,
    );
    const { specialisedActive, coordinatorsByCountry } = viaGraphql.stats.committees;
    const coordinators = counts(coordinatorsByCountry.map((c) => [c.countryCode, c.count]));
    expect(specialisedActive).toBeGreaterThan(0);
    expect(committees.filter((c) => c["kind"] === "SPECIALISED" && c["status"] === "ACTIVE").length).toBe(specialisedActive);
    const csvCoordinators = new Map<string, number>();
    for (const slug of committees.flatMap((c) => c["coordinators"].split(" ").filter(Boolean))) {
      const country = governments.get(slug)!;
      csvCoordinators.set(country, (csvCoordinators.get(country) ?? 0) + 1);
    }
    expect(counts([...csvCoordinators])).toEqual(coordinators);
    expect(activeSql[0]["n"]).toBe(specialisedActive);
    expect(counts(coordinatorsSql.map((r) => [String(r["country_code"]), Number(r["n"])]))).toEqual(coordinators);
  });

  it("5. secretariat appointments held on the day, by dispatching country (none: not dispatched)", async () => {
    const viaGraphql = await graphql<{ stats: { staffing: { key: string | null; current: number }[] } }>(
      `{ stats(asOf: "${DAY}") { staffing(groupBy: DISPATCHING_COUNTRY) { key current } } }`,
    );
    // The export says, for the day asked, whether each appointment is held: a spreadsheet filters by that column.
    const viaCsv = (await csv(`/export/appointments.csv?asOf=${DAY}`)).filter((row) => row["held_on_as_of"] === "true");
    // Dates alone would also count the three former appointments whose end the sources do not give.
    const byDatesAlone = (await csv(`/export/appointments.csv?asOf=${DAY}`)).filter(
      (row) => (!row["started_on"] || row["started_on"] <= DAY) && (!row["ended_on"] || row["ended_on"] >= DAY),
    );
    expect(byDatesAlone.length).toBe(viaCsv.length + 3);
    const viaSql = (
      await select(`SELECT dispatched_by_country, started_on::text, ended_on::text, status FROM reporting.appointments`)
    ).filter(heldOnDay);
    const byCountry = (rows: Record<string, string | number | null>[], column: string) => {
      const tally = new Map<string, number>();
      for (const row of rows) {
        const key = `${row[column] || "none"}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      return counts([...tally]);
    };
    const answer = counts(viaGraphql.stats.staffing.map((g) => [g.key ?? "none", g.current]));
    // Eleven people the secretariat employs, and Shimane's liaison, whom Shimane could not dispatch (R2020, line 588).
    expect(answer["none"]).toBe(12);
    expect(byCountry(viaCsv, "dispatched_by_country")).toEqual(answer);
    expect(byCountry(viaSql, "dispatched_by_country")).toEqual(answer);
  });

  it("6. member-nominated honorary PR ambassadors in office per country", async () => {
    const viaGraphql = await graphql<{ stats: { ambassadors: { groups: { key: string; people: number }[] } } }>(
      `{ stats(asOf: "${DAY}") { ambassadors(groupBy: COUNTRY) { groups { key people } } } }`,
    );
    const viaCsv = await csv(`/export/ambassadors-by-country.csv?asOf=${DAY}`);
    const list = (await csv(`/export/ambassadors.csv`)).filter(
      (a) => a["kind"] === "MEMBER_NOMINATED" && a["term_start"] <= DAY && (!a["term_end"] || a["term_end"] >= DAY),
    );
    const viaSql = await select(
      `SELECT country_code, sum(people)::int AS n FROM reporting.ambassadors
        WHERE kind = 'MEMBER_NOMINATED' AND term_start <= $1 AND (term_end IS NULL OR term_end >= $1) GROUP BY 1`,
    );
    const answer = counts(viaGraphql.stats.ambassadors.groups.map((g) => [g.key, g.people]));
    expect(Object.values(answer).reduce((a, b) => a + b, 0)).toBe(40);
    expect(counts(viaCsv.map((r) => [r["country"], Number(r["people"])]))).toEqual(answer);
    const fromList = new Map<string, number>();
    for (const a of list) fromList.set(a["country_code"], (fromList.get(a["country_code"]) ?? 0) + Number(a["people"]));
    expect(counts([...fromList])).toEqual(answer);
    expect(counts(viaSql.map((r) => [String(r["country_code"]), Number(r["n"])]))).toEqual(answer);
  });

  it("7. the report's stated figures: value, unit and day", async () => {
    const viaGraphql = await graphql<{ association: { statedFigures: { key: string; value: number; unit: string; asOf: string }[] } }>(
      `{ association { statedFigures { key value unit asOf } } }`,
    );
    const viaCsv = await csv(`/export/stated-figures.csv`);
    const viaSql = await select(`SELECT key, value, unit, as_of::text FROM reporting.stated_figures`);
    const answer = Object.fromEntries(viaGraphql.association.statedFigures.map((f) => [f.key, `${f.value} ${f.unit} ${f.asOf}`]));
    expect(answer["member-population"]).toBe("660000000 people 2020-12-31");
    expect(Object.fromEntries(viaCsv.map((r) => [r["key"], `${r["value"]} ${r["unit"]} ${r["as_of"]}`]))).toEqual(answer);
    expect(Object.fromEntries(viaSql.map((r) => [r["key"], `${r["value"]} ${r["unit"]} ${r["as_of"]}`]))).toEqual(answer);
  });
});
