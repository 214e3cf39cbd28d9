import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

/** Browser tests (Debian's Chromium) and the packed-tarball test: slower, run by CI after the suite. */
export default defineConfig({
  plugins: [swc.vite()],
  oxc: false,
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/e2e/**/*.test.ts", "test/package/**/*.test.ts", "test/fuzz/**/*.test.ts"],
    setupFiles: ["reflect-metadata", "test/support/process-hooks.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: "forks",
    maxWorkers: 1,
  },
});
