/**
 * `npm run bench:scale`: the same paginated and deep queries against the hub on the
 * 2020 rows and on ×100 synthetic copies of them (bench/fixtures/scale.ts), on the
 * machine's PostgreSQL: req/s, CPU ms and SQL statements per request at each size, and
 * the ×100 ÷ ×1 cost. Issue 10: a page costs the same whatever the rows, deep queries
 * keep their statement count.
 *
 *   npm run bench:scale -- [--seconds 5] [--connections 10] [--factor 100]
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { scaleUp } from "./fixtures/scale";
import { median, round, startHub, statementsPerRequest } from "./servers";
import type { Server } from "./servers";
import { StatementCounter } from "./statement-counter";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    factor: { type: "string", default: "100" },
    postgres: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
  },
});

const QUERIES: [name: string, query: string][] = [
  [
    "a page of 50 governments by slug, with country",
    "{ governments(first: 50, orderBy: SLUG_ASC) { nodes { slug name { text } country { code } } } }",
  ],
  ["a page of 50 governments by English name", "{ governments(first: 50, orderBy: NAME_ASC) { nodes { slug name { text } } } }"],
  ["a page of 50 events, latest first", "{ events(first: 50, orderBy: DATE_DESC) { nodes { startsOn title { text } kind } } }"],
  [
    "one government with country and memberships",
    '{ government(slug: "kr-gyeongbuk") { slug country { code } memberships { kind startedOn } } }',
  ],
];

async function hubOn(database: string, counter: StatementCounter): Promise<Server> {
  const url = new URL(values.postgres);
  url.hostname = "127.0.0.1";
  url.port = String(counter.port);
  url.pathname = `/${database}`;
  return startHub(`hub on ${database}`, { where: ["--database-url", url.toString()], counter });
}

async function main(): Promise<void> {
  const factor = Number(values.factor);
  const admin = new pg.Client({ connectionString: values.postgres });
  await admin.connect();
  const databases = [`near_scale_1_${process.pid}`, `near_scale_${factor}_${process.pid}`];
  const target = new URL(values.postgres);
  const counters: StatementCounter[] = [];
  const servers: Server[] = [];
  try {
    for (const database of databases) {
      await admin.query(`CREATE DATABASE ${database}`);
      const counter = await StatementCounter.start({ host: target.hostname, port: Number(target.port || 5432) });
      counters.push(counter);
      servers.push(await hubOn(database, counter));
    }
    const big = new pg.Client({ connectionString: Object.assign(new URL(values.postgres), { pathname: `/${databases[1]}` }).toString() });
    await big.connect();
    const sizes = await scaleUp(big, factor);
    await big.end();
    process.stderr.write(`×${factor}: ${sizes.governments} governments, ${sizes.memberships} membership periods, ${sizes.events} events\n`);

    const rows: string[] = [];
    for (const [name, query] of QUERIES) {
      const results = [];
      for (const server of servers) {
        await round(server, query, 2, Number(values.connections)); // warm-up, thrown away
        const measures = [];
        for (let r = 0; r < Number(values.rounds); r++)
          measures.push(await round(server, query, Number(values.seconds), Number(values.connections)));
        results.push({
          rps: median(measures.map((m) => m.rps)),
          cpu: median(measures.map((m) => m.cpuMsPerRequest)),
          p99: median(measures.map((m) => m.p99)),
          statements: await statementsPerRequest(server, query),
        });
      }
      const [small, large] = results as [(typeof results)[number], (typeof results)[number]];
      rows.push(
        `| ${name} | ${small.rps.toFixed(0)} / ${large.rps.toFixed(0)} | ${small.cpu.toFixed(2)} / ${large.cpu.toFixed(2)} | **${(large.cpu / small.cpu).toFixed(2)}×** | ${small.p99} / ${large.p99} | ${small.statements.toFixed(1)} / ${large.statements.toFixed(1)} |`,
      );
      process.stderr.write(`${rows.at(-1)}\n`);
    }
    console.log(
      `${values.connections} connections, ${values.rounds} rounds of ${values.seconds} s per size (after a 2 s warm-up), medians\n`,
    );
    console.log(
      `| query | req/s ×1 / ×${factor} | CPU ms a request ×1 / ×${factor} | CPU ×${factor} ÷ ×1 | p99 ms ×1 / ×${factor} | statements ×1 / ×${factor} |`,
    );
    console.log("|---|---|---|---|---|---|");
    for (const row of rows) console.log(row);
  } finally {
    for (const server of servers) server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const database of databases) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    for (const counter of counters) await counter.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
