/**
 * `npm run bench`: the hub against PostGraphile 5 on the very same PostgreSQL rows.
 *
 * A fresh database is migrated and seeded by the hub; the built hub (NODE_ENV=production,
 * response cache and rate limits off, so every request executes) and PostGraphile (its
 * own folder, bench/peers/postgraphile, on Node 22 from the npm package `node@22`) serve
 * it. For each scenario the two answers are compared first (after mapping both to the
 * same plain rows); then rounds alternate between the servers, a warm-up thrown away,
 * with autocannon. Reported: req/s, p50/p99, SQL statements per request (counted on
 * the wire by a relay in front of PostgreSQL, one per server), CPU ms per request of the
 * server process, peak RSS, and the hub ÷ PostGraphile ratio. A second hub process,
 * response cache on, answers the cached scenario by GET (a partner site's repeat).
 * The embedded default (PGlite in its worker thread) is started on an empty folder
 * and again on that folder, timed to the line it prints once it listens, and asked
 * the flat, nested and single queries in the same rounds as the hub on PostgreSQL.
 * When bench/runtimes/node24 is installed, the same hub and the same PostGraphile on
 * Node 24 take part in the flat, nested, single and voting-rights rounds too.
 * Each server's output (the hub's warnings) goes to a file in a `near-bench-logs-*`
 * folder of the system's temporary directory; a failed round prints the end of its
 * server's file.
 *
 *   npm run bench -- [--seconds 10] [--rounds 3] [--connections 10]
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort } from "./ports";
import { StatementCounter } from "./statement-counter";
import { ask, median, procStat, round, start, startHub, startTimed, statementsPerRequest, stop } from "./servers";
import type { Measure, Server } from "./servers";
import { SCENARIOS } from "./scenarios";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});
const ROOT = join(__dirname, "..", "..");
const PEER = join(ROOT, "bench", "peers", "postgraphile");
/** Node 24 for the second runtime (npm ci --prefix bench/runtimes/node24); the comparison is skipped, and said so, without it. */
const NODE24 = join(ROOT, "bench", "runtimes", "node24", "node_modules", ".bin", "node");

/** Where two answers' rows first differ, as a path and both values; null when they are equal. */
function firstDifference(hub: unknown, peer: unknown, path: string): string | null {
  if (JSON.stringify(hub) === JSON.stringify(peer)) return null;
  if (hub !== null && peer !== null && typeof hub === "object" && typeof peer === "object") {
    const keys = [...new Set([...Object.keys(hub), ...Object.keys(peer)])];
    for (const key of keys) {
      const inner = firstDifference((hub as Record<string, unknown>)[key], (peer as Record<string, unknown>)[key], `${path}.${key}`);
      if (inner !== null) return inner;
    }
  }
  return `${path}: hub ${JSON.stringify(hub)?.slice(0, 300)}, PostGraphile ${JSON.stringify(peer)?.slice(0, 300)}`;
}

async function main(): Promise<void> {
  const peerNode = join(PEER, "node_modules", ".bin", "node");
  if (!existsSync(peerNode)) throw new Error("PostGraphile is not installed: run `npm ci --prefix bench/peers/postgraphile`");
  const database = `near_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.postgres });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  // A round stopped by a TIMEOUT: the hub's log names the backend of each statement still running; PostgreSQL's own
  // log then says whether it waited on a lock (and whose) or ran for over a second.
  await admin.query(`ALTER DATABASE ${database} SET log_lock_waits = on`);
  await admin.query(`ALTER DATABASE ${database} SET log_min_duration_statement = 1000`);
  const target = new URL(values.postgres);
  const counters = [
    await StatementCounter.start({ host: target.hostname, port: Number(target.port || 5432) }),
    await StatementCounter.start({ host: target.hostname, port: Number(target.port || 5432) }),
  ] as const;
  const through = (counter: StatementCounter) => {
    const url = new URL(values.postgres);
    url.hostname = "127.0.0.1";
    url.port = String(counter.port);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const servers: Server[] = [];
  const folders: string[] = [];
  try {
    const plainHub = await startHub("hub", { where: ["--database-url", through(counters[0])], counter: counters[0] });
    servers.push(plainHub);
    // The same build with its response cache on (60 s), for the cached scenario only.
    const hubCached = await startHub("hub (cache on)", {
      where: ["--database-url", through(counters[0])],
      counter: counters[0],
      cache: true,
    });
    servers.push(hubCached);
    const peerPort = await freePort();
    const peer = await start(
      "PostGraphile",
      peerNode,
      [join(PEER, "server.mjs"), through(counters[1]), String(peerPort)],
      peerPort,
      counters[1],
    );
    servers.push(peer);

    // The same hub and the same PostGraphile on Node 24, the newest runtime people run the hub on.
    let hub24: Server | null = null;
    let peer24: Server | null = null;
    if (existsSync(NODE24)) {
      hub24 = await startHub("hub (Node 24)", { where: ["--database-url", through(counters[0])], counter: counters[0], node: NODE24 });
      servers.push(hub24);
      const peerPort24 = await freePort();
      peer24 = await start(
        "PostGraphile (Node 24)",
        NODE24,
        [join(PEER, "server.mjs"), through(counters[1]), String(peerPort24)],
        peerPort24,
        counters[1],
      );
      servers.push(peer24);
    } else {
      process.stderr.write("Node 24 is not installed (npm ci --prefix bench/runtimes/node24): no Node 24 rounds\n");
    }

    // The embedded default (PGlite in its worker thread), started as a newcomer starts it:
    // on an empty folder (cold: from the build's image) and again on that folder (warm),
    // three times each; the last one stays up for the embedded scenarios.
    const starts = { cold: [] as number[], warm: [] as number[] };
    let embeddedHub: Server | null = null;
    for (let run = 0; run < 3; run++) {
      const folder = mkdtempSync(join(tmpdir(), "near-bench-embedded-"));
      folders.push(folder);
      const port = await freePort();
      const flags = ["--data-dir", folder, "--rate-limit-burst", "0", "--cache-max-age", "0"];
      const cold = await startTimed("embedded hub (cold)", flags, port);
      starts.cold.push(cold.startMs);
      await stop(cold.server);
      const warm = await startTimed("embedded hub", flags, port);
      starts.warm.push(warm.startMs);
      if (run < 2) await stop(warm.server);
      else embeddedHub = warm.server;
    }
    servers.push(embeddedHub!);
    const embeddedIdleRss = procStat(embeddedHub!.child.pid!).rssMb;

    const rows: string[] = [];
    const embeddedRows: string[] = [];
    const node24Rows: string[] = [];
    for (const scenario of SCENARIOS) {
      const hub = scenario.cachedGet ? hubCached : plainHub;
      const hubAnswer = await ask(hub, scenario.hub!);
      if (hubAnswer.errors) throw new Error(`hub, ${scenario.name}: ${JSON.stringify(hubAnswer.errors)}`);
      if (scenario.peer) {
        const peerAnswer = await ask(peer, scenario.peer);
        const hubRows = scenario.hubRows(hubAnswer.data as never);
        const peerRows = scenario.peerRows(peerAnswer.data as never);
        const where = firstDifference(hubRows, peerRows, "rows");
        if (where !== null) throw new Error(`the answers differ for "${scenario.name}", first at ${where}`);
      }
      const embedded = scenario.embedded ? embeddedHub! : null;
      if (embedded) {
        const embeddedAnswer = await ask(embedded, scenario.hub!);
        if (JSON.stringify(embeddedAnswer.data) !== JSON.stringify(hubAnswer.data))
          throw new Error(`the embedded hub answers "${scenario.name}" differently from the hub on PostgreSQL`);
      }
      const on24 = scenario.node24 && hub24 ? [hub24, ...(scenario.peer && peer24 ? [peer24] : [])] : [];
      const contenders = [hub, ...(scenario.peer ? [peer] : []), ...(embedded ? [embedded] : []), ...on24];
      const isPeer = (server: Server) => server === peer || server === peer24;
      const measures = new Map<Server, Measure[]>(contenders.map((s) => [s, []]));
      const get = (server: Server) => server === hub && scenario.cachedGet === true;
      for (const server of contenders)
        await round(server, isPeer(server) ? scenario.peer! : scenario.hub!, 2, Number(values.connections), get(server)); // warm-up, thrown away
      for (let r = 0; r < Number(values.rounds); r++) {
        for (const server of r % 2 === 0 ? contenders : [...contenders].reverse()) {
          measures
            .get(server)!
            .push(
              await round(
                server,
                isPeer(server) ? scenario.peer! : scenario.hub!,
                Number(values.seconds),
                Number(values.connections),
                get(server),
              ),
            );
        }
      }
      const summary = (server: Server) => {
        const list = measures.get(server)!;
        return {
          rps: median(list.map((m) => m.rps)),
          p50: median(list.map((m) => m.p50)),
          p99: median(list.map((m) => m.p99)),
          cpu: median(list.map((m) => m.cpuMsPerRequest)),
        };
      };
      const h = summary(hub);
      const hubStatements = await statementsPerRequest(hub, scenario.hub!);
      if (scenario.peer) {
        const p = summary(peer);
        const peerStatements = await statementsPerRequest(peer, scenario.peer);
        rows.push(
          `| ${scenario.name} | ${h.rps.toFixed(0)} | ${p.rps.toFixed(0)} | **${(h.rps / p.rps).toFixed(2)}×** | ${h.p50} / ${h.p99} | ${p.p50} / ${p.p99} | ${hubStatements.toFixed(1)} / ${peerStatements.toFixed(1)} | ${h.cpu.toFixed(1)} / ${p.cpu.toFixed(1)} |`,
        );
      } else {
        rows.push(
          `| ${scenario.name} | ${h.rps.toFixed(0)} | — | — | ${h.p50} / ${h.p99} | — | ${hubStatements.toFixed(1)} / — | ${h.cpu.toFixed(1)} / — |`,
        );
      }
      process.stderr.write(`${rows.at(-1)}\n`);
      if (scenario.node24 && hub24) {
        const h24 = summary(hub24);
        const p24 = scenario.peer && peer24 ? summary(peer24) : null;
        node24Rows.push(
          p24
            ? `| ${scenario.name.split(/[:(]/)[0].trim()} | ${h24.rps.toFixed(0)} | ${p24.rps.toFixed(0)} | **${(h24.rps / p24.rps).toFixed(2)}×** | ${h24.p50} / ${h24.p99} | ${p24.p50} / ${p24.p99} | ${h24.cpu.toFixed(1)} / ${p24.cpu.toFixed(1)} | ${(h24.rps / h.rps).toFixed(2)}× |`
            : `| ${scenario.name.split(/[:(]/)[0].trim()} | ${h24.rps.toFixed(0)} | — | — | ${h24.p50} / ${h24.p99} | — | ${h24.cpu.toFixed(1)} / — | ${(h24.rps / h.rps).toFixed(2)}× |`,
        );
        process.stderr.write(`${node24Rows.at(-1)}\n`);
      }
      if (embedded) {
        const e = summary(embedded);
        embeddedRows.push(
          `| ${scenario.name.split(/[:(]/)[0].trim()} | ${e.rps.toFixed(0)} | ${h.rps.toFixed(0)} | **${(e.rps / h.rps).toFixed(2)}×** | ${e.p50} / ${e.p99} | ${e.cpu.toFixed(1)} |`,
        );
        process.stderr.write(`${embeddedRows.at(-1)}\n`);
      }
    }
    console.log(
      `${values.connections} connections, ${values.rounds} rounds of ${values.seconds} s alternating (after a 2 s warm-up each), medians; answers checked equal first\n`,
    );
    console.log(
      "| scenario | hub req/s | PostGraphile req/s | hub ÷ PostGraphile | hub p50 / p99 ms | PostGraphile p50 / p99 ms | SQL statements per request hub / PGL | CPU ms per request hub / PGL |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    for (const row of rows) console.log(row);
    console.log(
      `\npeak RSS: hub ${plainHub.peakRss.toFixed(0)} MB (cache on: ${hubCached.peakRss.toFixed(0)} MB), PostGraphile ${peer.peakRss.toFixed(0)} MB`,
    );
    if (hub24 && peer24) {
      console.log("\nThe same hub and the same PostGraphile on Node 24, in the same rounds:\n");
      console.log(
        "| scenario | hub req/s | PostGraphile req/s | hub ÷ PostGraphile | hub p50 / p99 ms | PostGraphile p50 / p99 ms | CPU ms per request hub / PGL | hub on 24 ÷ hub on 20 |",
      );
      console.log("|---|---|---|---|---|---|---|---|");
      for (const row of node24Rows) console.log(row);
      console.log(`\npeak RSS on Node 24: hub ${hub24.peakRss.toFixed(0)} MB, PostGraphile ${peer24.peakRss.toFixed(0)} MB`);
    }
    console.log("\nThe embedded default (PGlite in a worker thread) against the same hub on PostgreSQL, same rounds:\n");
    console.log(
      "| scenario | embedded req/s | hub on PostgreSQL req/s | embedded ÷ PostgreSQL | embedded p50 / p99 ms | embedded CPU ms per request (both threads) |",
    );
    console.log("|---|---|---|---|---|---|");
    for (const row of embeddedRows) console.log(row);
    const ms = (list: number[]) => `${median(list).toFixed(0)} ms (runs: ${list.map((x) => x.toFixed(0)).join(", ")})`;
    console.log(
      `\nembedded start to listening: cold (empty folder) ${ms(starts.cold)}, warm ${ms(starts.warm)}; RSS idle after start ${embeddedIdleRss.toFixed(0)} MB, peak under the rounds ${embeddedHub!.peakRss.toFixed(0)} MB`,
    );
  } finally {
    for (const server of servers) await stop(server);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    for (const counter of counters) await counter.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
