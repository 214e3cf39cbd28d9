/**
 * `npm run bench:federation`: what a partner's gateway costs a query. Starts the built
 * hub on an empty embedded folder and, in another process, the example partner
 * subgraph behind Hive Gateway's runtime (bench/federation-gateway.ts); then, in
 * alternating rounds, the same government asked of the hub alone, of the gateway
 * (which only forwards it), with the partner's fields added (a query crossing to the
 * partner), and the partner's projects with the hub's fields on their governments
 * (crossing back through the hub's `_entities`). Prints the median req/s and p99 of
 * each, and its ratio to the hub alone.
 *
 *   npm run bench:federation -- [--seconds 6] [--connections 10] [--rounds 3]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "./ports";
import { ask, median, round, start, startHub, stop } from "./servers";
import type { Measure, Server } from "./servers";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "6" },
    connections: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
  },
});

const GOVERNMENT = `slug name(lang: "ko") { text } country { code } memberships { kind startedOn }`;
const CASES = [
  { name: "hub alone, one government", via: "hub", query: `{ government(slug: "jp-tottori") { ${GOVERNMENT} } }` },
  { name: "gateway, the same query", via: "gateway", query: `{ government(slug: "jp-tottori") { ${GOVERNMENT} } }` },
  {
    name: "gateway, with the partner's projects",
    via: "gateway",
    query: `{ government(slug: "jp-tottori") { ${GOVERNMENT} partnerProjects { title year } } }`,
  },
  {
    name: "gateway, the partner's projects with the hub's governments",
    via: "gateway",
    query: `{ partnerProjects { title members { ${GOVERNMENT} } } }`,
  },
] as const;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "near-federation-"));
  const hub = await startHub("hub", { where: ["--data-dir", folder], counter: null });
  const port = await freePort();
  let gateway: Server | null = null;
  try {
    gateway = await start(
      "gateway",
      process.execPath,
      [join(__dirname, "federation-gateway.js"), "--hub", hub.url, "--port", String(port)],
      port,
      null,
    );
    const servers = { hub, gateway };
    // The gateway answers the hub's data (its extensions stay with the hub): the bench measures the same data.
    const [direct, forwarded] = [await ask(hub, CASES[0].query), await ask(gateway, CASES[1].query)];
    if (JSON.stringify(direct.data) !== JSON.stringify(forwarded.data))
      throw new Error(`the gateway's answer differs: ${JSON.stringify(forwarded)}`);
    for (const c of CASES) {
      const answer = await ask(servers[c.via], c.query);
      if (answer.errors) throw new Error(`${c.name}: ${JSON.stringify(answer.errors)}`);
      await round(servers[c.via], c.query, 2, Number(values.connections));
    }
    const measured = new Map<string, Measure[]>(CASES.map((c) => [c.name, []]));
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const c of CASES)
        measured.get(c.name)!.push(await round(servers[c.via], c.query, Number(values.seconds), Number(values.connections)));
    }
    const alone = median(measured.get(CASES[0].name)!.map((m) => m.rps));
    for (const c of CASES) {
      const runs = measured.get(c.name)!;
      const rps = median(runs.map((m) => m.rps));
      console.log(
        `${c.name}: ${rps.toFixed(0)} req/s (${(rps / alone).toFixed(2)}× the hub alone), p99 ${median(runs.map((m) => m.p99))} ms`,
      );
    }
  } finally {
    if (gateway) await stop(gateway);
    await stop(hub);
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
