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
 *
 *   npm run bench -- [--seconds 10] [--rounds 3] [--connections 10]
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort } from "./ports";
import { StatementCounter } from "./statement-counter";
import { ask, median, round, start, statementsPerRequest } from "./servers";
import type { Measure, Server } from "./servers";

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

type Rows = unknown;
interface Scenario {
  name: string;
  hub: string | null;
  peer: string | null;
  /** Asked of a second hub with its response cache on, by GET (a partner site's repeated anonymous request). */
  cachedGet?: boolean;
  /** Both answers mapped to the same plain rows, to check they are equal before timing. */
  hubRows: (data: never) => Rows;
  peerRows: (data: never) => Rows;
}

/** Dates in text order, an unknown one (null) first: the same order on both sides. */
const byText = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

/** The hub's `covers` for the day the nested scenario asks about. */
const covers2020 = (period: { startedOn: string | null; endedOn: string | null }) =>
  (period.startedOn ?? "") <= "2020-12-31" && (period.endedOn ?? "9999") >= "2020-12-31";

interface GovernmentRow {
  slug: string;
  name: string;
  country: string;
}

/** The flat query, asked uncached and (below) as a cached GET. */
const FLAT: Scenario = {
  name: "flat: every government with slug, English name, country code",
  hub: "{ governments(first: 100, orderBy: SLUG_ASC) { nodes { slug name { text } country { code } } } }",
  peer: "{ allGovernments(orderBy: SLUG_ASC) { nodes { slug nameEn countryByCountryCode { code } } } }",
  hubRows: (d: { governments: { nodes: { slug: string; name: { text: string }; country: { code: string } }[] } }): GovernmentRow[] =>
    d.governments.nodes.map((g) => ({ slug: g.slug, name: g.name.text, country: g.country.code })),
  peerRows: (d: {
    allGovernments: { nodes: { slug: string; nameEn: string; countryByCountryCode: { code: string } }[] };
  }): GovernmentRow[] => d.allGovernments.nodes.map((g) => ({ slug: g.slug, name: g.nameEn, country: g.countryByCountryCode.code })),
};

const SCENARIOS: Scenario[] = [
  FLAT,
  {
    name: "nested: countries → governments → memberships and coordinator terms",
    hub: '{ countries(first: 10) { nodes { code governments(asOf: "2020-12-31") { slug memberships { kind startedOn endedOn } coordinatorTerms(asOf: "2020-12-31") { startedOn endedOn } } } } }',
    peer: "{ allCountries(orderBy: CODE_ASC) { nodes { code governmentsByCountryCode(orderBy: SLUG_ASC) { nodes { slug membershipsByGovernmentId(orderBy: SEQ_ASC) { nodes { kind startedOn endedOn } } coordinatorTermsByGovernmentId(orderBy: [STARTED_ON_ASC, PRIMARY_KEY_ASC]) { nodes { startedOn endedOn } } } } } } }",
    hubRows: (d: {
      countries: {
        nodes: {
          code: string;
          governments: { slug: string; memberships: unknown[]; coordinatorTerms: { startedOn: string | null }[] }[];
        }[];
      };
    }) =>
      d.countries.nodes.map((c) => ({
        code: c.code,
        governments: c.governments.map((g) => ({
          slug: g.slug,
          memberships: g.memberships,
          terms: g.coordinatorTerms.map((t) => t.startedOn).sort(byText),
        })),
      })),
    peerRows: (d: {
      allCountries: {
        nodes: {
          code: string;
          governmentsByCountryCode: {
            nodes: {
              slug: string;
              membershipsByGovernmentId: { nodes: unknown[] };
              coordinatorTermsByGovernmentId: { nodes: { startedOn: string | null; endedOn: string | null }[] };
            }[];
          };
        }[];
      };
    }) =>
      d.allCountries.nodes.map((c) => ({
        code: c.code,
        governments: c.governmentsByCountryCode.nodes
          .map((g) => ({
            slug: g.slug,
            memberships: g.membershipsByGovernmentId.nodes,
            // The hub's `coordinatorTerms(asOf:)` lists the terms running that day.
            terms: g.coordinatorTermsByGovernmentId.nodes
              .filter((t) => covers2020(t))
              .map((t) => t.startedOn)
              .sort(byText),
          }))
          // The database's collation orders slugs with hyphens its own way; the hub orders them by code point.
          .sort((a, b) => byText(a.slug, b.slug)),
      })),
  },
  {
    name: "single: one government by slug with its country and memberships",
    hub: '{ government(slug: "kr-gyeongbuk") { slug name { text } country { code } memberships { kind startedOn endedOn } } }',
    peer: '{ allGovernments(condition: { slug: "kr-gyeongbuk" }) { nodes { slug nameEn countryByCountryCode { code } membershipsByGovernmentId(orderBy: SEQ_ASC) { nodes { kind startedOn endedOn } } } } }',
    hubRows: (d: { government: { slug: string; name: { text: string }; country: { code: string }; memberships: unknown[] } }) => ({
      slug: d.government.slug,
      name: d.government.name.text,
      country: d.government.country.code,
      memberships: d.government.memberships,
    }),
    // PostGraphile offers a by-slug lookup only for a unique constraint; the slug has a unique index, so a condition.
    peerRows: (d: {
      allGovernments: {
        nodes: { slug: string; nameEn: string; countryByCountryCode: { code: string }; membershipsByGovernmentId: { nodes: unknown[] } }[];
      };
    }) => {
      const g = d.allGovernments.nodes[0];
      return { slug: g.slug, name: g.nameEn, country: g.countryByCountryCode.code, memberships: g.membershipsByGovernmentId.nodes };
    },
  },
  {
    name: "dashboard aggregate: members by country and kind, and population by country (no peer equivalent)",
    hub: '{ stats(asOf: "2020-12-31") { governments(groupBy: [COUNTRY, KIND]) { countryCode kind governments } populationByCountry { countryCode population } } }',
    peer: null,
    hubRows: () => null,
    peerRows: () => null,
  },
  {
    name: "name search: governments whose name in any language or another spelling holds 省 (no peer equivalent)",
    hub: '{ governments(first: 20, filter: { search: "省" }) { totalCount nodes { slug name { text } } } }',
    peer: null,
    hubRows: () => null,
    peerRows: () => null,
  },
  {
    ...FLAT,
    name: "cached: the flat query as a repeated anonymous GET, the hub's response cache on (PostGraphile uncached)",
    cachedGet: true,
  },
  {
    name: "voting rights of all 82 governments (the charter: no peer equivalent)",
    hub: '{ governments(first: 100) { nodes { slug votingRights(asOf: "2020-12-31") { eligible reasons { code } } } } }',
    peer: null,
    hubRows: () => null,
    peerRows: () => null,
  },
];

async function main(): Promise<void> {
  const peerNode = join(PEER, "node_modules", ".bin", "node");
  if (!existsSync(peerNode)) throw new Error("PostGraphile is not installed: run `npm ci --prefix bench/peers/postgraphile`");
  const database = `near_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: values.postgres });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
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
  try {
    const hubPort = await freePort();
    const plainHub = await start(
      "hub",
      process.execPath,
      [
        join(ROOT, "dist", "src", "main.js"),
        "--database-url",
        through(counters[0]),
        "--port",
        String(hubPort),
        "--log-level",
        "warn",
        "--rate-limit-burst",
        "0",
        "--cache-max-age",
        "0",
      ],
      hubPort,
      counters[0],
    );
    servers.push(plainHub);
    // The same build with its response cache on (60 s), for the cached scenario only.
    const cachedPort = await freePort();
    const hubCached = await start(
      "hub (cache on)",
      process.execPath,
      [
        join(ROOT, "dist", "src", "main.js"),
        "--database-url",
        through(counters[0]),
        "--port",
        String(cachedPort),
        "--log-level",
        "warn",
        "--rate-limit-burst",
        "0",
      ],
      cachedPort,
      counters[0],
    );
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

    const rows: string[] = [];
    for (const scenario of SCENARIOS) {
      const hub = scenario.cachedGet ? hubCached : plainHub;
      const hubAnswer = await ask(hub, scenario.hub!);
      if (hubAnswer.errors) throw new Error(`hub, ${scenario.name}: ${JSON.stringify(hubAnswer.errors)}`);
      if (scenario.peer) {
        const peerAnswer = await ask(peer, scenario.peer);
        const same =
          JSON.stringify(scenario.hubRows(hubAnswer.data as never)) === JSON.stringify(scenario.peerRows(peerAnswer.data as never));
        if (!same)
          throw new Error(
            `the answers differ for "${scenario.name}":\nhub ${JSON.stringify(hubAnswer.data).slice(0, 400)}\npeer ${JSON.stringify(peerAnswer.data).slice(0, 400)}`,
          );
      }
      const contenders = scenario.peer ? [hub, peer] : [hub];
      const measures = new Map<Server, Measure[]>(contenders.map((s) => [s, []]));
      const get = (server: Server) => server === hub && scenario.cachedGet === true;
      for (const server of contenders)
        await round(server, server === hub ? scenario.hub! : scenario.peer!, 2, Number(values.connections), get(server)); // warm-up, thrown away
      for (let r = 0; r < Number(values.rounds); r++) {
        for (const server of r % 2 === 0 ? contenders : [...contenders].reverse()) {
          measures
            .get(server)!
            .push(
              await round(
                server,
                server === hub ? scenario.hub! : scenario.peer!,
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
  } finally {
    for (const server of servers) server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    for (const counter of counters) await counter.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
