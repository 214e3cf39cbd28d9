import { getEventListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApolloServer } from "@apollo/server";
import type { FastifyInstance } from "fastify";
import { openTestDatabase } from "../support/database";
import type { TestDatabase } from "../support/database";
import { testServer } from "../support/hub";

/**
 * Each request's abort signal (its deadline, its client gone) is listened to while the
 * request runs: by the route, and on PostgreSQL by the statement guard while a statement
 * runs. Once the answer is sent nothing may be left on it: a listener left there kept the
 * request's objects reachable after it (src/http/graphql-route.ts says what that cost).
 * The signals are the route's own; they are seen here through a recording subclass put in
 * place of the global `AbortController` for the length of this file.
 */
describe("a request leaves nothing listening on its abort signal once it is answered", () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const made: AbortController[] = [];
  const Original = globalThis.AbortController;
  const apolloRequests = vi.spyOn(ApolloServer.prototype, "executeHTTPGraphQLRequest");

  beforeAll(async () => {
    db = await openTestDatabase();
    app = await testServer(db);
    globalThis.AbortController = class RecordedAbortController extends Original {
      constructor() {
        super();
        made.push(this);
      }
    };
  });
  afterAll(async () => {
    globalThis.AbortController = Original;
    apolloRequests.mockRestore();
    await app?.close();
    await db?.dataSource.destroy();
  });

  /** Sends one request and answers, for every abort signal made meanwhile, how many abort listeners it still has. */
  async function listenersLeftAfter(query: string): Promise<{ status: number; errors: number; throughApollo: boolean; left: number[] }> {
    made.length = 0;
    apolloRequests.mockClear();
    const response = await app.inject({ method: "POST", url: "/graphql", payload: { query } });
    return {
      status: response.statusCode,
      errors: response.json<{ errors?: unknown[] }>().errors?.length ?? 0,
      throughApollo: apolloRequests.mock.calls.length > 0,
      left: made.map((controller) => getEventListeners(controller.signal, "abort").length),
    };
  }

  it.each([
    // [case, query, errors in the answer]: every one answered through Apollo's pipeline
    ["a query asked for the first time", "{ governments(first: 5, orderBy: SLUG_ASC) { nodes { slug memberships { kind } } } }", 0],
    ["the same text again", "{ governments(first: 5, orderBy: SLUG_ASC) { nodes { slug memberships { kind } } } }", 0],
    // A statement ran (the countries) beside the field that failed (a page past the largest size).
    ["a query whose answer holds an error", "{ countries(first: 1) { nodes { code } } governments(first: 101) { nodes { slug } } }", 1],
    ["a query refused before it runs", "{ governments(first: 1) { nodes { nope } } }", 1],
  ])("%s", async (_case, query, expectedErrors) => {
    const { status, errors, throughApollo, left } = await listenersLeftAfter(query);
    expect([status, errors, throughApollo]).toEqual([200, expectedErrors, true]);
    // The route made the request's controller (and may have made others): none has a listener left.
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((count) => count > 0)).toEqual([]);
  });
});
