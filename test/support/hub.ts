import { afterEach, beforeAll, beforeEach } from "vitest";
import type { ApolloServer } from "@apollo/server";
import type { EntityManager, QueryRunner } from "typeorm";
import type { RequestContext } from "../../src/core/context";
import { createApolloServer } from "../../src/graphql/apollo";
import { createRequestContext } from "../../src/graphql/context";
import { PUBLIC_VIEWER, ROLES } from "../../src/core/viewer";
import type { Role, Viewer } from "../../src/core/viewer";
import { openTestDatabase } from "./database";
import { silentLogger } from "./logger";
import { testSettings } from "./settings";
import type { Overrides } from "./settings";
import { createServer } from "../../src/http/server";
import type { ServerOptions } from "../../src/http/server";
import type { FastifyInstance } from "fastify";
import type { TestDatabase } from "./database";
import { backgroundScope, scopedSource } from "../../src/core/scoped-source";
import { calendarFor } from "../../src/charter";
import type { Calendar } from "../../src/charter";
import { todayUtc } from "../../src/core/dates";
import { readCountryCodes } from "../../src/modules/country";
import { readNameCollations } from "../../src/core/collation";

/** The day tests answer for by default: the facts horizon, so results do not drift with the clock. */
export const TEST_TODAY = new Date("2020-12-31T12:00:00Z");
/** The shipped facts' horizon. */
export const TEST_HORIZON = "2020-12-31";

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface RunOptions {
  acceptLanguage?: string;
  now?: Date;
  /** The caller's role, as if an API key labelled `test <role>` had been sent; PUBLIC by default. */
  as?: Role;
}

/** The calendar of a hub whose facts end with 2020 and whose CALENDAR_YEARS_AHEAD is the default, on `now`'s day. */
export function testCalendar(now: Date = TEST_TODAY): Calendar {
  return calendarFor(TEST_HORIZON, todayUtc(now), testSettings().calendarYearsAhead);
}

/** The viewer a test key of `role` stands for. */
export function testViewer(role: Role): Viewer {
  return role === "PUBLIC" ? PUBLIC_VIEWER : { role, keyId: ROLES.indexOf(role), label: `test ${role.toLowerCase()}` };
}

export interface TestHub {
  readonly db: TestDatabase;
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RunOptions): Promise<GraphQLResult<T>>;
  /** Writes a fixture inside the test's transaction (rolled back after the test). */
  withEntityManager<T>(write: (em: EntityManager) => Promise<T>): Promise<T>;
  /** Runs the operation and returns its result with the number of SQL statements it sent. */
  countStatements<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RunOptions,
  ): Promise<{ result: GraphQLResult<T>; statements: number; sql: string[] }>;
}

interface SharedHub {
  db: TestDatabase;
  apollo: ApolloServer<RequestContext>;
}

let opening: Promise<SharedHub> | undefined;

/** An Apollo server over the hub's schema with the tests' settings, started: operations run through `executeOperation`. */
export async function startTestApollo(): Promise<ApolloServer<RequestContext>> {
  const { limits, cacheMaxAgeSeconds, introspection } = testSettings();
  const apollo = createApolloServer({
    logger: silentLogger(),
    factsCompleteUntil: () => TEST_HORIZON,
    limits,
    cacheMaxAgeSeconds,
    introspection,
  });
  await apollo.start();
  return apollo;
}

async function openSharedHub(): Promise<SharedHub> {
  const db = await openTestDatabase();
  // As the hub does at start: a request's country filter then sends no statement for the codes.
  await readCountryCodes(db.dataSource.manager);
  await readNameCollations(db.dataSource.manager);
  return { db, apollo: await startTestApollo() };
}

/** Closes this file's hub; test/support/file-hooks.ts calls it once the file's tests are done. */
export async function closeSharedHub(): Promise<void> {
  if (!opening) return;
  const { db, apollo } = await opening;
  opening = undefined;
  await apollo.stop();
  await db.dataSource.destroy();
}

/**
 * A migrated, seeded database and an Apollo server, one per test file however many
 * `describe` blocks ask for it; every test runs inside a transaction rolled back
 * after it, through `executeOperation`.
 */
export function useTestHub(): TestHub {
  let hub: SharedHub | undefined;
  let runner: QueryRunner | undefined;

  beforeAll(async () => {
    opening ??= openSharedHub();
    hub = await opening;
  });
  beforeEach(async () => {
    // Through a scoped source, as a request's statements go: a write's gate lets the test's own statements pass.
    runner = scopedSource(hub!.db.dataSource, backgroundScope()).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
  });
  afterEach(async () => {
    await runner?.rollbackTransaction();
    await runner?.release();
  });

  async function run<T>(query: string, variables?: Record<string, unknown>, options: RunOptions = {}): Promise<GraphQLResult<T>> {
    const now = options.now ?? TEST_TODAY;
    const contextValue = createRequestContext({
      em: runner!.manager,
      acceptLanguage: options.acceptLanguage,
      requestId: "test",
      viewer: testViewer(options.as ?? "PUBLIC"),
      now,
      calendar: testCalendar(now),
    });
    const response = await hub!.apollo.executeOperation({ query, ...(variables ? { variables } : {}) }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return JSON.parse(JSON.stringify(response.body.singleResult)) as GraphQLResult<T>;
  }

  return {
    get db() {
      return hub!.db;
    },
    run,
    withEntityManager: (write) => write(runner!.manager),
    async countStatements<T>(query: string, variables?: Record<string, unknown>, options?: RunOptions) {
      const before = hub!.db.counter.count;
      const result = await run<T>(query, variables, options);
      const sql = hub!.db.counter.statements.slice(before);
      return { result, statements: sql.length, sql };
    },
  };
}

/**
 * The hub's HTTP server on a test database as most HTTP tests want it: quiet, no rate
 * limits, the response cache off (unless `settings` says otherwise), the facts horizon
 * at the end of 2020; "today" the real day unless `now` fixes it (TEST_TODAY, say).
 */
export function testServer(
  db: TestDatabase,
  options: { settings?: Overrides; now?: () => Date } & Pick<ServerOptions, "shared" | "metrics" | "live"> = {},
): Promise<FastifyInstance> {
  const { settings, now, ...rest } = options;
  return createServer({
    dataSource: db.dataSource,
    logger: silentLogger(),
    settings: testSettings({ rateLimit: null, cacheMaxAgeSeconds: 0, ...settings }),
    factsCompleteUntil: () => TEST_HORIZON,
    ...(now ? { now } : {}),
    ...rest,
  });
}
