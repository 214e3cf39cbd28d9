import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";
import type { ViteUserConfig } from "vitest/config";

// type-graphql and TypeORM read decorator metadata, which only SWC (not esbuild/oxc) emits here;
// one graphql realm: without the alias vitest may load both its ESM and CJS builds.
const shared: ViteUserConfig = { plugins: [swc.vite()], oxc: false, resolve: { alias: { graphql: "graphql/index.js" } } };

// A lean row throws when code reads a column its read left out (src/core/reads/row-shape.ts).
const env = { NEAR_UNREAD_COLUMNS: "throw" };

/** Plain code: the charter, settings, CSV. No database, no global setup: seconds. */
export const UNIT_TESTS = [
  "test/charter/**/*.test.ts",
  "test/config.test.ts",
  "test/seed/csv.test.ts",
  "test/architecture.test.ts",
  "test/http/admission.test.ts",
  "test/http/response-cache.test.ts",
  "test/core/**/*.test.ts",
];

/**
 * Files that run a database of their own (an in-memory or folder PGlite, in a hub process
 * or the engine itself) or none: `TEST_DATABASE_URL` changes nothing in them, so a pass on
 * PostgreSQL leaves them to the embedded pass (and to Node 24's) rather than run them twice.
 */
export const OWN_DATABASE_TESTS = [
  "test/cli.test.ts",
  "test/db/data-folder.test.ts",
  "test/db/embedded.test.ts",
  "test/db/session-statements.test.ts",
  "test/db/whole-read.test.ts",
  "test/http/connections.test.ts",
  "test/http/database-gone.test.ts",
  "test/http/start-line.test.ts",
  "test/node-flags.test.ts",
];

export default defineConfig({
  test: {
    // One worker per core of the CI machine (two).
    maxWorkers: 2,
    projects: [
      { ...shared, test: { name: "unit", include: UNIT_TESTS, setupFiles: ["reflect-metadata"], env } },
      {
        ...shared,
        test: {
          name: "api",
          env,
          include: ["test/**/*.test.ts"],
          exclude: [
            ...UNIT_TESTS,
            "test/e2e/**",
            "test/package/**",
            "test/services/**",
            "test/fuzz/**",
            ...(process.env["TEST_DATABASE_URL"] ? OWN_DATABASE_TESTS : []),
          ],
          // One migrated, seeded database per run; each file loads it into its own hub.
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["reflect-metadata", "test/support/file-hooks.ts"],
          pool: "forks",
          // A worker keeps its loaded modules from one file to the next rather than import the
          // hub (TypeORM, Apollo, type-graphql) afresh for every file. So a file closes what
          // it opens and leaves module state as it found it: the setup file, run again for
          // every file, closes the file's hub and kills the processes it started.
          isolate: false,
          // Generous: a busy machine is slow, and these wait on events, not on a clock.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        ...shared,
        test: {
          // The machine's PostgreSQL and Redis: faults, deadlines, replicas. `npm run test:services`.
          name: "services",
          env,
          include: ["test/services/**/*.test.ts"],
          globalSetup: ["test/support/services-setup.ts"],
          setupFiles: ["reflect-metadata", "test/support/process-hooks.ts"],
          pool: "forks",
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
