import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [swc.vite()],
  oxc: false,
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/e2e/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: "forks",
  },
});
