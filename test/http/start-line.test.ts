import { describe, expect, it } from "vitest";
import { HubProcess } from "../support/process";
import { BUILT_MAIN } from "../support/paths";

/** The built hub in memory on a free port, with `flags`, until it says where GraphiQL is. */
async function started(flags: string[]): Promise<HubProcess> {
  const hub = new HubProcess(process.execPath, [BUILT_MAIN, "--memory", "--port", "0", ...flags]);
  await hub.waitForOutput(/GraphiQL: |NEAR data hub: /);
  return hub;
}

async function stopped(hub: HubProcess) {
  hub.kill("SIGTERM");
  return hub.exited;
}

describe("what start-up prints", () => {
  it("for a person: one plain line with GraphiQL's URL, the database and the facts horizon, and no JSON", async () => {
    const hub = await started(["--log-format", "plain"]);
    const { code, stdout, stderr } = await stopped(hub);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/^NEAR data hub: http:\/\/localhost:\d+\/graphql · PGlite in memory · facts complete until 2020-12-31$/),
    ]);
    expect(stderr).not.toContain("{");
  });

  it("for a log collector (the default off a terminal): JSON lines, the start-up's among them", async () => {
    const hub = await started([]);
    const { code, stdout } = await stopped(hub);
    expect(code).toBe(0);
    const records = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { msg: string; factsCompleteUntil?: string });
    expect(records.some((record) => record.factsCompleteUntil === "2020-12-31")).toBe(true);
  });

  it("refuses a format it does not know, naming the choices", async () => {
    const { code, stderr } = await new HubProcess(process.execPath, [BUILT_MAIN, "--memory", "--log-format", "pretty"]).exited;
    expect(code).toBe(1);
    expect(stderr).toContain("LOG_FORMAT must be one of auto, json, plain");
  });
});
