import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { seedsRecordedAt } from "../../src/seed/seed";
import { useTestHub } from "../support/hub";
import type { TestHub } from "../support/hub";
import { testServer } from "../support/hub";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { mutate } from "../writes/support";

const PROFILE = `query ($at: Instant) { government(slug: "jp-tottori", asKnownOn: $at) { capital version } }`;

async function profileAt(hub: TestHub, at: string | null) {
  const result = await hub.run<{ government: { capital: string | null; version: number } }>(PROFILE, { at });
  expect(result.errors).toBeUndefined();
  return { ...result.data!.government, extension: result.extensions?.["asKnownOn"] ?? null };
}

async function lastWriteAt(hub: TestHub): Promise<string> {
  const log = await hub.run<{ auditLog: { nodes: { at: string }[] } }>(`{ auditLog(first: 1) { nodes { at } } }`, undefined, {
    as: "ADMIN",
  });
  return log.data!.auditLog.nodes[0].at;
}

describe("asKnownOn: the graph as the hub knew it at an instant", () => {
  const hub = useTestHub();

  it("answers from the version current at the instant; a write adds a version and erases none", async () => {
    const seeded = await profileAt(hub, null);
    const changed = await mutate(
      hub,
      "updateGovernmentProfile",
      "UpdateGovernmentProfileInput",
      "... on UpdateGovernmentProfileSuccess { government { capital version } }",
      { government: "jp-tottori", version: seeded.version, source: "test", capital: "Tottori City" },
    );
    expect(changed).toMatchObject({ government: { capital: "Tottori City", version: seeded.version + 1 } });
    const at = await lastWriteAt(hub);
    const justBefore = new Date(Date.parse(at) - 1).toISOString();

    expect(await profileAt(hub, justBefore)).toEqual({
      capital: seeded.capital,
      version: seeded.version,
      extension: { asked: justBefore, answeredFor: justBefore, recordsBegin: seedsRecordedAt() },
    });
    expect(await profileAt(hub, at)).toMatchObject({ capital: "Tottori City", version: seeded.version + 1 });
    expect(await profileAt(hub, null)).toEqual({ capital: "Tottori City", version: seeded.version + 1, extension: null });
    // "What did the hub say on 2020-12-31": the end of that day, the shipped facts.
    expect(await profileAt(hub, "2020-12-31")).toMatchObject({ capital: seeded.capital, version: seeded.version });
  });

  it("answers an instant before the first record from the shipped facts, and says so", async () => {
    expect(await profileAt(hub, "2019-01-01T00:00:00Z")).toMatchObject({
      extension: { asked: "2019-01-01T00:00:00.000Z", answeredFor: seedsRecordedAt(), recordsBegin: seedsRecordedAt() },
    });
  });

  it("reads every field of the request at the one instant, and defaults asOf to its day", async () => {
    const result = await hub.run<{ association: { chair: { asOf: string } } }>(
      `{ association(asKnownOn: "2020-06-30T12:00:00Z") { chair { asOf } } }`,
    );
    expect(result.data!.association.chair.asOf).toBe("2020-06-30");
    expect(result.extensions?.["asKnownOn"]).toEqual({
      asked: "2020-06-30T12:00:00.000Z",
      answeredFor: seedsRecordedAt(),
      recordsBegin: seedsRecordedAt(),
    });
  });

  it("refuses root fields that ask for different instants, naming asKnownOn", async () => {
    const result = await hub.run(`{ a: government(slug: "jp-tottori", asKnownOn: "2020-12-31") { slug } b: countries { totalCount } }`);
    expect(result.errors?.map((e) => [e.extensions?.["code"], e.extensions?.["argumentName"]])).toEqual([["BAD_USER_INPUT", "asKnownOn"]]);
    expect(result.errors![0].message).toContain("a: 2020-12-31T23:59:59.999Z, b: none");
  });

  it("refuses text that is no instant", async () => {
    const result = await hub.run(`query { about(asKnownOn: "yesterday") { name } }`);
    expect(result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("Invalid instant");
  });
});

describe("the calendar: dates the graph answers for", () => {
  const hub = useTestHub();

  it.each([
    ["a literal asOf after the calendar", `{ association { chair(asOf: "9999-12-31") { asOf } } }`, {}, "asOf"],
    ["a literal asOf before the founding", `{ association { chair(asOf: "1990-01-01") { asOf } } }`, {}, "asOf"],
    ["a variable asOf", `query ($d: Date) { association { chair(asOf: $d) { asOf } } }`, { d: "2099-01-01" }, "asOf"],
    [
      "a date inside an input object",
      `query ($i: DecisionInput!) { evaluateDecision(input: $i) { decision { outcome } } }`,
      { i: { body: "GENERAL_ASSEMBLY", charterItem: 9, date: "3000-01-01", attendance: [], votes: [], writtenConsultation: false } },
      "input.date",
    ],
  ])("refuses %s as BAD_USER_INPUT naming the argument and the range", async (_case, query, variables, argumentName) => {
    const result = await hub.run(query, variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.map((e) => [e.extensions?.["code"], e.extensions?.["argumentName"]])).toEqual([["BAD_USER_INPUT", argumentName]]);
    expect(result.errors![0].message).toContain(
      "outside the days the graph answers for, 1996-09-12 (the association's founding) to 2025-12-31",
    );
  });

  it("answers its first and last day", async () => {
    const result = await hub.run(`{ association { first: chair(asOf: "1996-09-12") { asOf } last: chair(asOf: "2025-12-31") { asOf } } }`);
    expect(result).toMatchObject({ data: { association: { first: { asOf: "1996-09-12" }, last: { asOf: "2025-12-31" } } } });
  });
});

describe("asKnownOn over HTTP", () => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await openTestDatabase();
    app = await testServer(db);
  });
  afterAll(async () => {
    await app.close();
    await db.dataSource.destroy();
  });

  it("holds a read of an earlier instant apart from the present: reads in parallel each see their own time", async () => {
    const ask = (at: string | null) =>
      app.inject({
        method: "POST",
        url: "/graphql",
        payload: {
          query: `query ($at: Instant) { about(asKnownOn: $at) { factsCompleteUntil } countries(asKnownOn: $at) { totalCount } }`,
          variables: { at },
        },
      });
    const answers = await Promise.all([ask("2020-12-31"), ask(null), ask("2019-01-01"), ask(null)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const bodies = answers.map((a) => JSON.parse(a.body) as { data: unknown; extensions: Record<string, unknown> });
    for (const body of bodies) expect(body.data).toEqual({ about: { factsCompleteUntil: "2020-12-31" }, countries: { totalCount: 7 } });
    expect(bodies.map((b) => b.extensions["asKnownOn"] === undefined)).toEqual([false, true, false, true]);
    // The session's settings end with it: a plain read afterwards reads the present tables.
    const plain = await app.inject({ method: "POST", url: "/graphql", payload: { query: "{ countries { totalCount } }" } });
    expect(JSON.parse(plain.body)).toMatchObject({ data: { countries: { totalCount: 7 } } });
    const [{ path }] = await db.dataSource.query(`SELECT current_setting('search_path') AS path`);
    expect(path).not.toContain("known");
  });

  it("refuses a date outside the calendar with 400 under the GraphQL response media type", async () => {
    const answer = await app.inject({
      method: "POST",
      url: "/graphql",
      headers: { accept: "application/graphql-response+json" },
      payload: { query: `{ association { chair(asOf: "9999-12-31") { asOf } } }` },
    });
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body).errors[0].extensions).toEqual(expect.objectContaining({ code: "BAD_USER_INPUT", argumentName: "asOf" }));
  });
});
