import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/paths";
import { HubProcess } from "../support/process";

/**
 * The hub as a package: `npm pack` of the built tree, installed into an empty folder
 * with production dependencies only, started from there. Proves `dist/` carries all
 * it reads at run time (migrations, the 2020 CSVs, GraphiQL's files).
 */
describe("the packed tarball", () => {
  const folder = mkdtempSync(join(tmpdir(), "near-packed-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("installs with --omit=dev, starts on --memory, and answers a query", async () => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    execFileSync(npm, ["pack", "--silent", "--ignore-scripts", "--pack-destination", folder], { cwd: REPO_ROOT });
    const tarball = readdirSync(folder).find((file) => file.endsWith(".tgz"));
    expect(tarball).toMatch(/^near-data-hub-.*\.tgz$/);
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "packed-hub-check", private: true }));
    execFileSync(npm, ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", join(folder, tarball!)], {
      cwd: folder,
      stdio: "pipe",
    });
    // The build and nothing else: no sources, tests or scripts travel with it.
    const shipped = readdirSync(join(folder, "node_modules", "near-data-hub"));
    expect(shipped.filter((entry) => !["README.md", "package.json"].includes(entry))).toEqual(["dist"]);
    expect(readdirSync(join(folder, "node_modules", "near-data-hub", "dist")).sort()).toEqual([
      "migrations",
      "pglite-image",
      "seeds",
      "src",
    ]);

    const main = join(folder, "node_modules", "near-data-hub", "dist", "src", "main.js");
    const hub = new HubProcess(process.execPath, [main, "--memory", "--port", "0"], {});
    try {
      const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
      // The build's image of the migrated, seeded database travels with it, and matches it.
      expect(hub.stdout).toContain("starting from the build's image");
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ government(slug: "kr-gyeongbuk") { name(lang: "ko") { text } } }' }),
      });
      expect(await response.json()).toEqual({
        data: { government: { name: { text: "경상북도" } } },
        extensions: { factsCompleteUntil: "2020-12-31" },
      });
      const page = await fetch(`${url}/graphiql/assets/graphiql.min.js`);
      expect(page.status).toBe(200);
    } finally {
      hub.kill("SIGTERM");
      await hub.exited;
    }
  });
});
