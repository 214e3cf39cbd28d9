import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_MAIN, REPO_ROOT } from "./support/paths";
import { HubProcess } from "./support/process";

/** The Node flags `npm start` gives, and those the package's command (`near-data-hub`, the built main's `#!` line) gives. */
function startFlags(): { npmStart: string; shebang: string[] } {
  const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  // The build check, then the hub in the same process (`node <flags> scripts/fresh.mjs --then dist/src/main.js`).
  const npmStart = /^node (.*?) ?scripts\/fresh\.mjs --then dist\/src\/main\.js$/.exec(scripts["start"] ?? "")?.[1] ?? "";
  const shebang = readFileSync(BUILT_MAIN, "utf8").split("\n", 1)[0].replace(/^#!/, "").split(" ");
  return { npmStart, shebang };
}

const NEW_SPACE = 'near_nodejs_heap_space_size_total_bytes{space="new"}';

/**
 * The young generation of the built hub started by `command`, from its metrics (V8's
 * new space: two semi-spaces): after start-up, then after each request until it
 * reaches `untilMb` (or 300 requests were answered). On the embedded database, whose
 * worker thread is started as well.
 */
async function newSpaceMb(command: readonly string[], untilMb: number): Promise<number> {
  const hub = new HubProcess(command[0], [
    ...command.slice(1),
    "--memory",
    "--port",
    "0",
    "--metrics-port",
    "0",
    "--log-level",
    "info",
    // Hundreds of requests from one address: past the default burst.
    "--rate-limit-burst",
    "0",
  ]);
  try {
    const [, metrics] = await hub.waitForOutput(/metrics: (http:\/\/\S+\/metrics)/);
    const [, graphql] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+\/graphql)/);
    const measure = async () => {
      const line = (await (await fetch(metrics)).text()).split("\n").find((l) => l.startsWith(NEW_SPACE));
      expect(line).toBeDefined();
      return Number(line!.slice(NEW_SPACE.length).trim()) / 2 ** 20;
    };
    const query = "{ governments(first: 100) { nodes { slug name { text } country { code } } } }";
    const ask = async () => {
      const answer = await fetch(graphql, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(answer.status).toBe(200);
    };
    let reached = await measure();
    for (let answered = 0; reached < untilMb && answered < 300; answered++) {
      await ask();
      reached = await measure();
    }
    return reached;
  } finally {
    hub.kill("SIGTERM");
    await hub.exited;
  }
}

describe("the young generation's size, given where Node starts", () => {
  it("npm start and the package's command give Node the same flags", () => {
    const { npmStart, shebang } = startFlags();
    expect(npmStart).toContain("--max-semi-space-size=4");
    // `env -S` splits the rest of the line into node and its flags, as a shell would.
    expect(shebang.slice(0, 3)).toEqual(["/usr/bin/env", "-S", "node"]);
    expect(shebang.slice(3).join(" ")).toBe(npmStart);
  });

  it("through the package's command the new space stays within two semi-spaces of 4 MB under requests; plain node grows it past that", async () => {
    const { shebang } = startFlags();
    // What the kernel runs for `near-data-hub`: the interpreter line, then the script.
    const asInstalled = [shebang[0], shebang[1], shebang.slice(2).join(" "), BUILT_MAIN];
    expect(await newSpaceMb(asInstalled, 9)).toBeLessThanOrEqual(8);
    expect(await newSpaceMb([process.execPath, BUILT_MAIN], 9)).toBeGreaterThan(8);
  });
});
