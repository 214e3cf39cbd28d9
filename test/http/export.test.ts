import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import Fastify from "fastify";
import { Admission } from "../../src/http/admission";
import { csvWriter } from "../../src/http/csv";
import { exportRoute } from "../../src/http/export-route";
import { createServer } from "../../src/http/server";
import { PUBLIC_VIEWER } from "../../src/core/viewer";
import type { ServingSettings } from "../../src/http/server";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { TEST_TODAY, testCalendar } from "../support/hub";
import { silentLogger } from "../support/logger";
import { testSettings } from "../support/settings";

/** CSV exports, parsed back as a spreadsheet would read them. */
describe("GET /export/<dataset>.csv", () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db.dataSource.destroy();
  });

  async function hub(settings: ServingSettings = testSettings({ rateLimit: null })): Promise<FastifyInstance> {
    const app = await createServer({
      dataSource: db.dataSource,
      logger: silentLogger(),
      settings,
      factsCompleteUntil: () => "2020-12-31",
      now: () => TEST_TODAY,
    });
    apps.push(app);
    return app;
  }

  async function csv(
    app: FastifyInstance,
    url: string,
  ): Promise<{ status: number; type: string; bom: boolean; rows: Record<string, string>[] }> {
    const response = await app.inject({ method: "GET", url });
    const body = response.rawPayload.toString("utf8");
    return {
      status: response.statusCode,
      type: String(response.headers["content-type"]),
      bom: body.startsWith("\uFEFF"),
      rows: response.statusCode === 200 ? parse<Record<string, string>>(body, { bom: true, columns: true }) : [],
    };
  }

  it("governments with the graph's filters as parameters, UTF-8 with a BOM, every language readable", async () => {
    const app = await hub();
    const japan = await csv(app, "/export/governments.csv?countries=JP&kinds=MEMBER&asOf=2020-12-31");
    expect([japan.status, japan.type, japan.bom, japan.rows.length]).toEqual([200, "text/csv; charset=utf-8", true, 11]);
    expect(japan.rows.find((r) => r["slug"] === "jp-akita")).toMatchObject({
      name_ja: "秋田県",
      name_ko: "아키타현",
      country: "JP",
      website: "http://pref.akita.lg.jp",
    });
    // Public data only, for anyone: no contact, no notes about people.
    expect(Object.keys(japan.rows[0])).not.toContain("contact");
    expect((await csv(app, "/export/governments.csv")).rows.length).toBe(82);
  });

  it("aggregates: the seven dashboard numbers as CSV, the same as the graph's", async () => {
    const app = await hub();
    const groups = await csv(app, "/export/governments-by-country-and-kind.csv?asOf=2020-12-31");
    expect(groups.rows.find((r) => r["country"] === "JP" && r["kind"] === "OBSERVER")).toMatchObject({ governments: "2" });
    const population = await csv(app, "/export/population-by-country.csv?asOf=2020-12-31");
    expect(population.rows.reduce((sum, r) => sum + Number(r["population"]), 0)).toBe(633_194_198);
    const figures = await csv(app, "/export/stated-figures.csv");
    expect(figures.rows.find((r) => r["key"] === "member-population")).toMatchObject({
      value: "660000000",
      computed: "633194198",
      quote: "总涵盖人口6亿6千万人",
    });
    const ambassadors = await csv(app, "/export/ambassadors-by-country.csv?asOf=2020-12-31");
    expect(ambassadors.rows.reduce((sum, r) => sum + Number(r["people"]), 0)).toBe(40);
    const timeline = await csv(app, "/export/membership-timeline.csv?asOf=2020-12-31");
    expect(timeline.rows.at(-1)).toMatchObject({ year: "2020", members_at_end: "78" });
    const dues = await csv(app, "/export/dues-by-fiscal-year.csv?asOf=2020-12-31&from=2020");
    expect(dues.rows).toEqual([expect.objectContaining({ fiscal_year: "2020", on_ledger: "false", outstanding_usd_cents: "" })]);
    const events = await csv(app, "/export/events.csv");
    expect(events.rows.length).toBe(53);
    // The lists BI tools join on: one row per period, appointment, term.
    const lists = await Promise.all(
      ["membership-periods", "appointments", "coordinator-terms"].map((name) => csv(app, `/export/${name}.csv`)),
    );
    expect(lists.map((l) => l.rows.length)).toEqual([82, 25, 19]);
    // Ambassadors' appointments (ambassadors.csv's 28 rows) and the committees on a day, as reporting.committees holds them.
    expect((await csv(app, "/export/ambassadors.csv")).rows.length).toBe(28);
    const committees = await csv(app, "/export/committees.csv?asOf=2020-12-31");
    expect(committees.rows.find((c) => c["committee"] === "sc-01")).toMatchObject({
      kind: "SPECIALISED",
      status: "ACTIVE",
      coordinators: "kr-gyeongbuk",
    });
    // Toyama's coordination of the environment subcommittee has no known start: whether it held that day is unknown.
    expect(committees.rows.find((c) => c["committee"] === "sc-02")).toMatchObject({ coordinators: "", coordinators_unknown: "jp-toyama" });
    const members = await csv(app, "/export/membership-timeline.csv?asOf=2020-12-31&kinds=MEMBER");
    expect(members.rows.reduce((sum, r) => sum + Number(r["admissions"]), 0)).toBe(78 - 23);
    expect(lists[0].rows.find((r) => r["government"] === "jp-miyagi")).toMatchObject({ kind: "OBSERVER", started_on: "2020-04-08" });
  });

  it("refuses clearly: unknown dataset 404, a bad or unknown parameter 400 naming it, over the row limit 413 with the limit", async () => {
    const app = await hub(testSettings({ rateLimit: null, exportRowLimits: { public: 5, keyed: 1000 } }));
    const unknown = await app.inject({ method: "GET", url: "/export/nothing.csv" });
    expect([unknown.statusCode, unknown.json().errors[0].extensions.code]).toEqual([404, "NOT_FOUND"]);
    expect(unknown.json().errors[0].message).toContain("governments.csv");
    const bad = await app.inject({ method: "GET", url: "/export/governments.csv?asOf=yesterday" });
    expect([bad.statusCode, bad.json().errors[0].extensions]).toEqual([400, { code: "BAD_USER_INPUT", argumentName: "asOf" }]);
    const stray = await app.inject({ method: "GET", url: "/export/stated-figures.csv?country=JP" });
    expect([stray.statusCode, stray.json().errors[0].extensions.argumentName]).toEqual([400, "country"]);
    const kinds = await app.inject({ method: "GET", url: "/export/governments.csv?kinds=MEMBR" });
    expect([kinds.statusCode, kinds.json().errors[0].message]).toEqual([400, 'kinds: "MEMBR" is not one of MEMBER, ASSOCIATE, OBSERVER']);
    const big = await app.inject({ method: "GET", url: "/export/governments.csv" });
    expect([big.statusCode, big.json().errors[0].extensions]).toEqual([
      413,
      { code: "OPERATION_LIMIT_EXCEEDED", limit: "exportRows", measured: 82, maximum: 5 },
    ]);
  });

  it("keeps a cell that would start a formula as text, and refuses NUL and prototype names without a 500", async () => {
    const app = await hub();
    const writer = csvWriter(["title", "count", "note"]);
    const written = new Promise<string>((resolve) => {
      let text = "";
      writer.on("data", (chunk: Buffer) => (text += chunk.toString()));
      writer.on("end", () => resolve(text));
    });
    for (const row of [
      ['=HYPERLINK("http://x.example","y")', 3, "@SUM(1+1)"],
      ["+1", -2, "-x"],
      ["plain", 0, "a=b"],
    ])
      writer.write(row);
    writer.end();
    expect(parse(await written, { bom: true, columns: true })).toEqual([
      { title: `'=HYPERLINK("http://x.example","y")`, count: "3", note: "'@SUM(1+1)" },
      // Numbers are numbers: only text that would start a formula is quoted.
      { title: "'+1", count: "-2", note: "'-x" },
      { title: "plain", count: "0", note: "a=b" },
    ]);
    const nul = await app.inject({ method: "GET", url: "/export/governments.csv?search=%00" });
    expect([nul.statusCode, nul.json().errors[0].extensions]).toEqual([400, { code: "BAD_USER_INPUT", argumentName: "search" }]);
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const answers = await Promise.all(
        [`/export/${name}.csv`, `/graphiql/assets/${name}`, `/dashboard/assets/${name}`].map((url) => app.inject({ method: "GET", url })),
      );
      expect(answers.map((a) => [a.statusCode, a.headers["cache-control"]])).toEqual(Array.from({ length: 3 }, () => [404, "no-store"]));
    }
  });

  it("runs as an operation does: under the deadline (503 TIMEOUT) and after a turn of the admission GraphQL shares", async () => {
    const late = await hub(testSettings({ rateLimit: null, limits: { timeoutMs: 0 } }));
    const timedOut = await late.inject({ method: "GET", url: "/export/governments.csv" });
    expect([timedOut.statusCode, timedOut.headers["retry-after"], timedOut.json().errors[0].extensions.code]).toEqual([
      503,
      "5",
      "TIMEOUT",
    ]);

    // One turn, held by another operation, and no queue: the export is shed at once, then runs once the turn is back.
    const admission = new Admission(1, 0);
    const held = await admission.enter(new AbortController().signal);
    const app = Fastify();
    app.addHook("onRequest", async (request) => {
      request.viewer = PUBLIC_VIEWER;
    });
    app.get(
      "/export/:file",
      exportRoute({
        dataSource: db.dataSource,
        admission,
        timeoutMs: 5000,
        rowLimits: { public: 1000, keyed: 1000 },
        calendar: () => testCalendar(),
      }),
    );
    try {
      const shed = await app.inject({ method: "GET", url: "/export/events.csv" });
      expect([shed.statusCode, shed.json().errors[0].extensions.code]).toEqual([503, "SERVICE_UNAVAILABLE"]);
      held!();
      const served = await app.inject({ method: "GET", url: "/export/events.csv" });
      expect(served.statusCode).toBe(200);
      // The export gave its turn back: another one is admitted.
      expect((await app.inject({ method: "GET", url: "/export/events.csv" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
