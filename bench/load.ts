/**
 * `npm run bench:load`: holds 200 connections for 60 s on a mixed read workload
 * against the built hub (NODE_ENV=production) on PostgreSQL and on the embedded
 * database, and reports errors, latency percentiles, /healthz latency under the load
 * /readyz latency under the load, and RSS at start and end. A real HTTP load generator (autocannon) against a real
 * process; nothing here is a test assertion.
 *
 *   npm run bench:load -- --seconds 60 --connections 200 [--only pglite|postgres] [--check]
 *
 * `--check` (CI) exits 1 when any request failed, timed out or was not 2xx: a proof
 * that the hub stays correct under load, with no figure asserted.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { freePort } from "./ports";
import { benchHubFlags, hubNodeFlags } from "./servers";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "200" },
    only: { type: "string" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    check: { type: "boolean", default: false },
  },
});
let failures = 0;
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const MAIN = join(__dirname, "..", "src", "main.js");
const EXTRA = (process.env["BENCH_HUB_ARGS"] ?? "").split(" ").filter(Boolean);

/** The mix: what partner sites, the explorer and dashboards ask most. */
const WORKLOAD = [
  {
    weight: 4,
    query: "{ governments(first: 100, filter: { kinds: [MEMBER] }) { totalCount nodes { slug name { text } country { code } } } }",
  },
  {
    weight: 3,
    query: '{ government(slug: "kr-gyeongbuk") { slug name(lang: "ko") { text } country { code } memberships { kind startedOn } } }',
  },
  { weight: 2, query: "{ countries(first: 10) { nodes { code governments { slug memberships { kind } } } } }" },
  {
    weight: 1,
    query: '{ association { votingMembers(asOf: "2020-12-31") { totalCount } chair(asOf: "2020-12-31") { government { slug } } } }',
  },
];

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.replace(/\D+/g, "") ?? 0) / 1024;
}

/** The built hub as production runs it; ready once /readyz answers (its logs stay at warn, as under load they would). */
async function startHub(name: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...hubNodeFlags(MAIN), MAIN, ...benchHubFlags(port), ...EXTRA, ...args], {
    env: { PATH: process.env["PATH"] ?? "", NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<never>((_resolve, reject) =>
    child.on("exit", (code) => reject(new Error(`${name}: the hub exited (${String(code)})`))),
  );
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const ready = await Promise.race([
      fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (ready) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Latencies of a probe path every 100 ms while the load runs (a failed probe counts as 30 s). */
async function probeLatencies(url: string, path: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    const started = performance.now();
    try {
      const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      samples.push(response.ok ? performance.now() - started : 30_000);
    } catch {
      samples.push(30_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return samples.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function run(name: string, args: string[]): Promise<string> {
  const { child, url } = await startHub(name, args);
  const rssStart = rssOf(child.pid!);
  const requests = WORKLOAD.flatMap(({ weight, query }) =>
    Array.from({ length: weight }, () => ({
      method: "POST" as const,
      path: "/graphql",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    })),
  );
  let finished = false;
  const health = probeLatencies(url, "/healthz", () => finished);
  const readiness = probeLatencies(url, "/readyz", () => finished);
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(child.pid!))), 500);
  process.stderr.write(`${name}: ${CONNECTIONS} connections for ${SECONDS} s…\n`);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 30 });
  finished = true;
  clearInterval(sampler);
  const healthz = await health;
  const readyz = await readiness;
  const rssEnd = rssOf(child.pid!);
  const stopped = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await stopped;
  const errors = result.errors + result.timeouts + result.non2xx;
  failures += errors;
  return `| ${name} | ${result.requests.total} | ${result.requests.average.toFixed(0)} | ${errors} (${result.timeouts} timeouts, ${result.non2xx} non-2xx) | ${result.latency.p50} | ${result.latency.p99} | ${percentile(healthz, 50).toFixed(1)} / ${percentile(healthz, 99).toFixed(1)} | ${percentile(readyz, 50).toFixed(1)} / ${percentile(readyz, 99).toFixed(1)} | ${rssStart.toFixed(0)} → ${rssEnd.toFixed(0)} (peak ${rssPeak.toFixed(0)}) |`;
}

async function main(): Promise<void> {
  const rows: string[] = [];
  if (values.only !== "postgres") rows.push(await run("PGlite (embedded)", ["--memory"]));
  if (values.only !== "pglite") {
    const database = `near_load_${process.pid}`;
    const admin = new pg.Client({ connectionString: values.postgres });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    try {
      const url = new URL(values.postgres);
      url.pathname = `/${database}`;
      rows.push(await run("PostgreSQL", ["--database-url", url.toString(), "--database-pool-size", "10"]));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s, mixed reads (${WORKLOAD.map((w) => w.weight).join(":")}), response cache and rate limits off\n`,
  );
  console.log(
    "| database | requests | req/s | errors | p50 ms | p99 ms | /healthz p50 / p99 ms | /readyz p50 / p99 ms | RSS MB start → end |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
  if (values.check && failures > 0) {
    console.error(`load check failed: ${failures} requests failed`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
