import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { testServer } from "../support/hub";

/** Words the generator builds documents from: real fields, arguments and punctuation, and junk. */
const WORDS = [
  "{",
  "}",
  "(",
  ")",
  ":",
  "...",
  "on",
  "@include(if: true)",
  "@skip(if: $v)",
  "query",
  "mutation",
  "subscription",
  "fragment F on Government",
  "governments",
  'government(slug: "jp-akita")',
  "countries(first: 100)",
  'country(code: "KR")',
  "nodes",
  "edges",
  "node",
  "slug",
  "name",
  'name(lang: "ko")',
  "text",
  "memberships",
  "kind",
  "votingRights",
  "eligible",
  "association",
  "votingMembers(first: 100)",
  "totalCount",
  "__typename",
  "__schema",
  "types",
  "fields",
  "ofType",
  "a:",
  "b:",
  "$v",
  "first: -1",
  "first: 100000",
  'after: "x"',
  '"\\u0000"',
  'asOf: "2020-02-30"',
  // Far dates and years, which priced lists by the years they cover once let through.
  'asOf: "9999-12-31"',
  "duesHistory",
  "stats",
  "dues(from: 9990, to: 9999)",
  "fiscalYear",
  // A variable left at its default: priced as it runs.
  "query ($n: Int = 100)",
  "first: $n",
  // One field repeated: validation compares repeats pairwise.
  "about { name } about { name } about { name } about { name } about { name } about { name } about { name } about { name }",
  "...F",
  "\u0000",
  "\uD800",
  "#",
  '"',
  "'",
  "[",
  "]",
  "=",
  "!",
  "1e999",
  "9999999999999999999999",
];

const documents = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((words) => words.join(" ")),
  fc.string({ maxLength: 300 }),
  fc.constantFrom("", " ", "{}", "{ }", "query", "{ __typename }"),
);
/** Variables nested far deeper than any input of the schema, as JSON text: refused before anything recurses over them. */
function deepVariablesText(depth: number): string {
  const open = Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? '{"a":' : "[")).join("");
  const close = Array.from({ length: depth }, (_, i) => (i % 2 === 0 ? "}" : "]"))
    .reverse()
    .join("");
  return `{"f":${open}1${close}}`;
}
const variables = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ v: fc.oneof(fc.boolean(), fc.string(), fc.integer(), fc.constant(null)) }),
);
const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/graphql",
  "multipart/form-data",
  "",
);
const accepts = fc.constantFrom("application/json", "application/graphql-response+json", "text/html", "*/*", "image/png", "");
const requests = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "OPTIONS"),
  query: documents,
  variables,
  operationName: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  contentType: contentTypes,
  accept: accepts,
  rawBody: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
  acceptLanguage: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  deepVariables: fc.option(fc.integer({ min: 30, max: 5000 }), { nil: undefined }),
});

/** What an answer must never show: internals of the hub, its database or its stack. */
const LEAKS = /\bat [\w.<>]+ \(|node_modules|ECONN|SELECT |INSERT |relation "|syntax error at or near|typeorm|QueryFailedError/i;

describe("10,000 generated hostile requests", () => {
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

  it("no crash, no 500, no internals in any answer, and valid queries answered throughout with bounded memory", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    let sent = 0;
    const validAnswers: unknown[] = [];
    await fc.assert(
      fc.asyncProperty(requests, async (r) => {
        const variablesText =
          r.deepVariables !== undefined
            ? deepVariablesText(r.deepVariables)
            : r.variables !== undefined
              ? JSON.stringify(r.variables)
              : undefined;
        const params = {
          query: r.query,
          ...(r.variables !== undefined ? { variables: r.variables } : {}),
          ...(r.operationName ? { operationName: r.operationName } : {}),
        };
        const headers: Record<string, string> = {
          ...(r.contentType ? { "content-type": r.contentType } : {}),
          ...(r.accept ? { accept: r.accept } : {}),
        };
        if (r.acceptLanguage) headers["accept-language"] = r.acceptLanguage;
        const url =
          r.method === "GET"
            ? `/graphql?${new URLSearchParams({ query: r.query, ...(variablesText !== undefined ? { variables: variablesText } : {}) }).toString()}`
            : "/graphql";
        const payload =
          r.method === "GET"
            ? undefined
            : (r.rawBody ??
              (r.deepVariables === undefined
                ? JSON.stringify(params)
                : `{"query":${JSON.stringify(r.query)},"variables":${variablesText}}`));
        const response = await app.inject({ method: r.method as "GET", url, headers, ...(payload !== undefined ? { payload } : {}) });
        expect(response.statusCode).toBeLessThan(500);
        expect(response.body).not.toMatch(LEAKS);
        // Every answer but a 204 says something: an error has a body a client can read.
        expect(response.statusCode === 204 || response.body.length > 0).toBe(true);
        sent++;
        if (sent % 500 === 0) {
          const valid = await app.inject({
            method: "POST",
            url: "/graphql",
            headers: { "content-type": "application/json" },
            payload: { query: '{ government(slug: "jp-akita") { slug } }' },
          });
          validAnswers.push(valid.json());
        }
      }),
      { numRuns: 10_000, seed: 20_201_231 },
    );
    expect(sent).toBe(10_000);
    expect(validAnswers).toEqual(
      Array.from({ length: 20 }, () => ({ data: { government: { slug: "jp-akita" } }, extensions: { factsCompleteUntil: "2020-12-31" } })),
    );
    global.gc?.();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(256 * 1024 * 1024);
  });
});
