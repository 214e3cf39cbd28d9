/**
 * `npm run bench:ab -- --base PATH`: one change measured on its own. Two built hubs at
 * once, `PATH`'s build (a checkout of another commit, built: `git worktree add PATH REV
 * && cd PATH && npm ci && npm run build`) and this one, on one fresh PostgreSQL
 * database (or, with `--embedded`, each on an empty PGlite folder), the same flags;
 * rounds alternate between the two (the order flips each round) so both see the same
 * machine; prints each hub's req/s per round, the medians, CPU ms per request and p99, their
 * ratio, and each hub's peak RSS. What docs/BENCHMARKS.md calls an A/B. A setting is
 * measured the same way: `--base .` (this build) and `--this-flags="--heap-growth-percent 60"`,
 * a flag of Node's with `--this-node-flags=--max-semi-space-size=32` (with `=`: a value that
 * starts with `--` is otherwise read as an option of this script's).
 *
 *   npm run bench:ab -- --base PATH [--this-flags=FLAGS] [--this-node-flags=FLAGS] [--embedded] [--rounds 4] [--seconds 5] [--connections 10] [--scenarios flat,nested,single]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort } from "./ports";
import { SCENARIOS } from "./scenarios";
import { benchHubFlags, hubNodeFlags, median, round, start, stop } from "./servers";
import type { Server } from "./servers";

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    "this-flags": { type: "string", default: "" },
    "this-node-flags": { type: "string", default: "" },
    embedded: { type: "boolean", default: false },
    rounds: { type: "string", default: "4" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    scenarios: { type: "string", default: "flat,nested,single" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});

async function main(): Promise<void> {
  if (!values.base) throw new Error("--base PATH: the folder of the other build (its dist/src/main.js)");
  const builds = [
    {
      name: "base",
      main: join(values.base, "dist", "src", "main.js"),
      flags: [] as string[],
      nodeFlags: hubNodeFlags(join(values.base, "dist", "src", "main.js")),
    },
    {
      name: "this",
      main: join(__dirname, "..", "src", "main.js"),
      flags: values["this-flags"].split(" ").filter(Boolean),
      nodeFlags: [...hubNodeFlags(), ...values["this-node-flags"].split(" ").filter(Boolean)],
    },
  ];
  const database = `near_ab_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.postgres });
  await admin.connect();
  if (!values.embedded) await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(values.postgres);
  url.pathname = `/${database}`;
  const folders: string[] = [];
  const hubs: Server[] = [];
  try {
    for (const build of builds) {
      let where = ["--database-url", url.toString()];
      if (values.embedded) {
        const folder = mkdtempSync(join(tmpdir(), "near-ab-"));
        folders.push(folder);
        where = ["--data-dir", folder];
      }
      const port = await freePort();
      const flags = [...where, ...build.flags, ...benchHubFlags(port)];
      hubs.push(await start(build.name, process.execPath, [...build.nodeFlags, build.main, ...flags], port, null));
    }
    console.log(hubs.map((hub) => `${hub.name} RSS after start ${hub.peakRss.toFixed(0)} MB`).join(", "));
    const wanted = values.scenarios.split(",");
    for (const scenario of SCENARIOS.filter((s) => !s.cachedGet && wanted.some((name) => s.name.startsWith(name)))) {
      for (const hub of hubs) await round(hub, scenario.hub!, 2, Number(values.connections));
      const measured = new Map(hubs.map((hub) => [hub, { rps: [] as number[], cpu: [] as number[], p99: [] as number[] }]));
      for (let index = 0; index < Number(values.rounds); index++) {
        for (const hub of index % 2 === 0 ? hubs : [...hubs].reverse()) {
          const m = await round(hub, scenario.hub!, Number(values.seconds), Number(values.connections));
          measured.get(hub)!.rps.push(m.rps);
          measured.get(hub)!.cpu.push(m.cpuMsPerRequest);
          measured.get(hub)!.p99.push(m.p99);
        }
      }
      const line = hubs.map((hub) => {
        const { rps, cpu, p99 } = measured.get(hub)!;
        return `${hub.name} ${median(rps).toFixed(0)} req/s (${rps.map((x) => x.toFixed(0)).join(" ")}), ${median(cpu).toFixed(2)} ms CPU, p99 ${median(p99)} ms`;
      });
      const ratio = median(measured.get(hubs[1])!.rps) / median(measured.get(hubs[0])!.rps);
      console.log(`${scenario.name.split(/[:(]/)[0].trim()}: ${line.join(" | ")} | this ÷ base ${ratio.toFixed(2)}×`);
    }
    console.log(hubs.map((hub) => `${hub.name} peak RSS ${hub.peakRss.toFixed(0)} MB`).join(", "));
  } finally {
    for (const hub of hubs) await stop(hub);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    if (!values.embedded) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
