import { describe, expect, it } from "vitest";
import { semiSpaceGrowthFactor } from "../src/heap";
import { BUILT_MAIN } from "./support/paths";
import { HubProcess } from "./support/process";

describe("semiSpaceGrowthFactor: the factor V8 multiplies the semi-space by at its next growth", () => {
  it.each([
    // semi-space MB now, cap MB, factor: straight to the cap in one growth, then none
    [0.5, 8, 16],
    [1, 8, 8],
    [2, 8, 4],
    [4, 8, 2],
    [8, 8, 1],
    [16, 8, 1],
    [0.5, 6, 12],
    [4, 6, 1],
    [0.5, 1, 2],
    [1, 1, 1],
  ])("at %s MB with a cap of %s MB: %s", (semiSpaceMb, capMb, factor) => {
    expect(semiSpaceGrowthFactor(semiSpaceMb, capMb)).toBe(factor);
  });
});

const NEW_SPACE = 'near_nodejs_heap_space_size_total_bytes{space="new"}';

/**
 * The young generation of the built hub, from its metrics (V8's new space: two
 * semi-spaces): after start-up, then after each request until it reaches `untilMb`
 * (or 300 requests were answered). On the
 * embedded database, whose worker thread's start resets V8's growth factor on Node 20
 * and 22.
 */
async function newSpaceMb(semiSpaceMb: string, untilMb: number): Promise<number> {
  const hub = new HubProcess(process.execPath, [
    BUILT_MAIN,
    "--memory",
    "--port",
    "0",
    "--metrics-port",
    "0",
    "--log-level",
    "info",
    "--semi-space-mb",
    semiSpaceMb,
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

describe("SEMI_SPACE_MB caps V8's young generation without a flag of Node's", () => {
  it("--semi-space-mb 8 lets the new space grow under requests to two semi-spaces of 8 MB, not past them; 0 leaves V8 to grow it past that during start-up", async () => {
    // Held through start-up (loading the modules grows it to 1–2 MB first), then grown to
    // the cap under requests, in one step: a cap that never let it grow would stay below,
    // one lost at the PGlite thread's start would be past it already.
    expect(await newSpaceMb("8", 16)).toBe(16);
    expect(await newSpaceMb("0", 0)).toBeGreaterThan(16);
  });
});
