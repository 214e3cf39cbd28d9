/**
 * `npm run bench:quick`: one hub, no peer, no relay: the quick check a change is
 * measured with before the full comparison. Starts the built hub (NODE_ENV=production,
 * response cache and rate limits off) on a fresh PostgreSQL database it seeds itself,
 * or with `--embedded` on an empty PGlite folder, and runs the benchmark's flat, nested,
 * single and voting-rights queries: a 2 s warm-up, then one round each; prints req/s,
 * CPU ms per request and p99. `--node` runs the hub on another Node binary (e.g.
 * bench/runtimes/node24/node_modules/.bin/node).
 *
 *   npm run bench:quick -- [--embedded] [--seconds 6] [--connections 10] [--node PATH] [--max-in-flight N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { SCENARIOS } from "./scenarios";
import { round, startHub, stop } from "./servers";

const { values } = parseArgs({
  options: {
    embedded: { type: "boolean", default: false },
    seconds: { type: "string", default: "6" },
    connections: { type: "string", default: "10" },
    node: { type: "string", default: process.execPath },
    "max-in-flight": { type: "string" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const WANTED = ["flat", "nested", "single", "voting rights"];

async function main(): Promise<void> {
  const database = `near_quick_${process.pid}`;
  const folder = values.embedded ? mkdtempSync(join(tmpdir(), "near-quick-")) : null;
  const admin = new pg.Client({ connectionString: values.postgres });
  if (!folder) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
  }
  const url = new URL(values.postgres);
  url.pathname = `/${database}`;
  const where = folder ? ["--data-dir", folder] : ["--database-url", url.toString()];
  const extra = values["max-in-flight"] ? ["--max-in-flight", values["max-in-flight"]] : [];
  const hub = await startHub("hub", { where, extra, counter: null, node: values.node });
  try {
    for (const scenario of SCENARIOS.filter((s) => !s.cachedGet && WANTED.some((name) => s.name.startsWith(name)))) {
      await round(hub, scenario.hub!, 2, Number(values.connections));
      const m = await round(hub, scenario.hub!, Number(values.seconds), Number(values.connections));
      console.log(
        `${scenario.name.split(/[:(]/)[0].trim()}: ${m.rps.toFixed(0)} req/s, ${m.cpuMsPerRequest.toFixed(2)} ms CPU a request, p99 ${m.p99} ms`,
      );
    }
  } finally {
    await stop(hub);
    if (folder) rmSync(folder, { recursive: true, force: true });
    else {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
