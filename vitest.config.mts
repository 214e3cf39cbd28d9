import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // type-graphql and TypeORM read decorator metadata, which only SWC (not esbuild/oxc) emits here.
  plugins: [swc.vite()],
  oxc: false,
  resolve: {
    // One graphql realm: without this vitest may load both its ESM and CJS builds.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One worker per core of the CI machine (two).
    maxWorkers: 2,
  },
});
