/**
 * The benchmark's scenarios: each a hub query, its PostGraphile equivalent (or none),
 * and both answers mapped to the same plain rows. Shared with the test that runs every
 * hub query both ways (lean reads and whole entities), compares the answers and pins
 * its statements. Besides the three first shapes: partner-site queries (names in a
 * language, filters, relations three levels deep), the dashboard's aggregate and every
 * example GraphiQL ships with (src/http/graphiql/examples/).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { covers } from "../src/charter";
import type { Period } from "../src/charter";

type Rows = unknown;
export interface Scenario {
  name: string;
  hub: string | null;
  peer: string | null;
  /** Asked of a second hub with its response cache on, by GET (a partner site's repeated anonymous request). */
  cachedGet?: boolean;
  /** Also asked of the hub on its embedded default (PGlite), against the same hub on PostgreSQL. */
  embedded?: boolean;
  /** Also asked of the hub (and PostGraphile, where it has an equivalent) on Node 24, when bench/runtimes/node24 is installed. */
  node24?: boolean;
  /** Both answers mapped to the same plain rows, to check they are equal before timing. */
  hubRows: (data: never) => Rows;
  peerRows: (data: never) => Rows;
}

/** Dates in text order, an unknown one (null) first: the same order on both sides. */
const byText = (a: string | null, b: string | null) => ((a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0);

/** The charter's `covers` for the day the nested scenario asks about: known to hold, an unknown start held from its attestation. */
const covers2020 = (period: Period) => covers(period, "2020-12-31");

interface GovernmentRow {
  slug: string;
  name: string;
  country: string;
}

/** The flat query, asked uncached and (below) as a cached GET. */
const FLAT: Scenario = {
  embedded: true,
  node24: true,
  name: "flat: every government with slug, English name, country code",
  hub: "{ governments(first: 100, orderBy: SLUG_ASC) { nodes { slug name { text } country { code } } } }",
  peer: "{ allGovernments(orderBy: SLUG_ASC) { nodes { slug nameEn countryByCountryCode { code } } } }",
  hubRows: (d: { governments: { nodes: { slug: string; name: { text: string }; country: { code: string } }[] } }): GovernmentRow[] =>
    d.governments.nodes.map((g) => ({ slug: g.slug, name: g.name.text, country: g.country.code })),
  peerRows: (d: {
    allGovernments: { nodes: { slug: string; nameEn: string; countryByCountryCode: { code: string } }[] };
  }): GovernmentRow[] => d.allGovernments.nodes.map((g) => ({ slug: g.slug, name: g.nameEn, country: g.countryByCountryCode.code })),
};

/** Names in one language, as the hub falls back: the language asked, then English, Chinese, Korean, Japanese, Russian, Mongolian. */
interface Names {
  nameEn: string | null;
  nameZh: string | null;
  nameKo: string | null;
  nameJa: string | null;
  nameRu: string | null;
  nameMn: string | null;
}
const koreanOrFallback = (n: Names) => n.nameKo ?? n.nameEn ?? n.nameZh ?? n.nameJa ?? n.nameRu ?? n.nameMn;
const NAMES = "nameEn nameZh nameKo nameJa nameRu nameMn";

/** The repository's root: above this file whether it runs from bench/ (tests) or dist/bench/ (npm run bench). */
function repositoryRoot(from: string): string {
  return existsSync(join(from, "package.json")) ? from : repositoryRoot(dirname(from));
}

/** Where the GraphiQL examples are, in the repository's src/. */
const EXAMPLES = join(repositoryRoot(__dirname), "src", "http", "graphiql", "examples");

/** Every example GraphiQL ships with, as the explorer sends it (no peer equivalent: they ask the charter's answers). */
function graphiqlExamples(): Scenario[] {
  return readdirSync(EXAMPLES)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => ({
      name: `GraphiQL example ${file.replace(/\.graphql$/, "")} (no peer equivalent)`,
      hub: readFileSync(join(EXAMPLES, file), "utf8"),
      peer: null,
      hubRows: () => null,
      peerRows: () => null,
    }));
}

interface TermRow {
  startedOn: string | null;
  committee: number | null;
}
const byTerm = (a: TermRow, b: TermRow) => byText(a.startedOn, b.startedOn) || (a.committee ?? 0) - (b.committee ?? 0);

export const SCENARIOS: Scenario[] = [
  FLAT,
  {
    name: "nested: countries → governments → memberships and coordinator terms",
    embedded: true,
    node24: true,
    hub: '{ countries(first: 10) { nodes { code governments(asOf: "2020-12-31") { slug memberships { kind startedOn endedOn } coordinatorTerms(asOf: "2020-12-31") { startedOn endedOn } } } } }',
    peer: "{ allCountries(orderBy: CODE_ASC) { nodes { code governmentsByCountryCode(orderBy: SLUG_ASC) { nodes { slug membershipsByGovernmentId(orderBy: SEQ_ASC) { nodes { kind startedOn endedOn } } coordinatorTermsByGovernmentId(orderBy: [STARTED_ON_ASC, PRIMARY_KEY_ASC]) { nodes { startedOn startPrecision attestedOn endedOn endPrecision } } } } } } }",
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
              coordinatorTermsByGovernmentId: { nodes: Period[] };
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
    embedded: true,
    node24: true,
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
    name: "partner, names in a language: every government's Korean name (English where none) and its country",
    node24: true,
    hub: '{ governments(first: 100, orderBy: SLUG_ASC) { nodes { slug name(lang: "ko") { text } country { code } } } }',
    peer: `{ allGovernments(orderBy: SLUG_ASC) { nodes { slug ${NAMES} countryByCountryCode { code } } } }`,
    hubRows: (d: { governments: { nodes: { slug: string; name: { text: string }; country: { code: string } }[] } }): GovernmentRow[] =>
      d.governments.nodes.map((g) => ({ slug: g.slug, name: g.name.text, country: g.country.code })),
    peerRows: (d: { allGovernments: { nodes: (Names & { slug: string; countryByCountryCode: { code: string } })[] } }): GovernmentRow[] =>
      d.allGovernments.nodes.map((g) => ({ slug: g.slug, name: koreanOrFallback(g) ?? "", country: g.countryByCountryCode.code })),
  },
  {
    name: "partner, three levels: countries → governments → coordinator terms at the end of 2020 → committee",
    node24: true,
    hub: '{ countries(first: 10) { nodes { code governments(asOf: "2020-12-31") { slug coordinatorTerms(asOf: "2020-12-31") { startedOn committee { number } } } } } }',
    peer: "{ allCountries(orderBy: CODE_ASC) { nodes { code governmentsByCountryCode { nodes { slug coordinatorTermsByGovernmentId { nodes { startedOn startPrecision attestedOn endedOn endPrecision committeeByCommitteeId { number } } } } } } } }",
    hubRows: (d: {
      countries: {
        nodes: {
          code: string;
          governments: { slug: string; coordinatorTerms: { startedOn: string | null; committee: { number: number | null } }[] }[];
        }[];
      };
    }) =>
      d.countries.nodes.map((c) => ({
        code: c.code,
        governments: c.governments
          .map((g) => ({
            slug: g.slug,
            terms: g.coordinatorTerms.map((t) => ({ startedOn: t.startedOn, committee: t.committee.number })).sort(byTerm),
          }))
          .sort((a, b) => byText(a.slug, b.slug)),
      })),
    peerRows: (d: {
      allCountries: {
        nodes: {
          code: string;
          governmentsByCountryCode: {
            nodes: {
              slug: string;
              coordinatorTermsByGovernmentId: { nodes: (Period & { committeeByCommitteeId: { number: number | null } })[] };
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
            terms: g.coordinatorTermsByGovernmentId.nodes
              .filter((t) => covers2020(t))
              .map((t) => ({ startedOn: t.startedOn, committee: t.committeeByCommitteeId.number }))
              .sort(byTerm),
          }))
          .sort((a, b) => byText(a.slug, b.slug)),
      })),
  },
  {
    name: "partner, filtered: Japan's governments with their population, and how many",
    node24: true,
    hub: '{ governments(first: 100, orderBy: SLUG_ASC, filter: { countries: ["JP"] }) { totalCount nodes { slug population } } }',
    peer: '{ allGovernments(orderBy: SLUG_ASC, condition: { countryCode: "JP" }) { totalCount nodes { slug population } } }',
    hubRows: (d: { governments: { totalCount: number; nodes: unknown[] } }) => d.governments,
    peerRows: (d: { allGovernments: { totalCount: number; nodes: unknown[] } }) => d.allGovernments,
  },
  {
    name: "partner, committees: every committee's number and name with the governments that ever coordinated it",
    node24: true,
    hub: "{ committees(first: 30) { nodes { slug number name { text } coordinatorHistory { government { slug } } } } }",
    peer: "{ allCommittees { nodes { slug number nameEn nameZh coordinatorTermsByCommitteeId { nodes { governmentByGovernmentId { slug } } } } } }",
    hubRows: (d: {
      committees: {
        nodes: {
          slug: string;
          number: number | null;
          name: { text: string } | null;
          coordinatorHistory: { government: { slug: string } }[];
        }[];
      };
    }) =>
      d.committees.nodes
        .map((c) => ({
          slug: c.slug,
          number: c.number,
          name: c.name?.text ?? null,
          governments: c.coordinatorHistory.map((t) => t.government.slug).sort(),
        }))
        .sort((a, b) => byText(a.slug, b.slug)),
    peerRows: (d: {
      allCommittees: {
        nodes: {
          slug: string;
          number: number | null;
          nameEn: string | null;
          nameZh: string | null;
          coordinatorTermsByCommitteeId: { nodes: { governmentByGovernmentId: { slug: string } }[] };
        }[];
      };
    }) =>
      d.allCommittees.nodes
        .map((c) => ({
          slug: c.slug,
          number: c.number,
          name: c.nameEn ?? c.nameZh,
          governments: c.coordinatorTermsByCommitteeId.nodes.map((t) => t.governmentByGovernmentId.slug).sort(),
        }))
        .sort((a, b) => byText(a.slug, b.slug)),
  },
  ...graphiqlExamples(),
  {
    ...FLAT,
    embedded: false,
    node24: false,
    name: "cached: the flat query as a repeated anonymous GET, the hub's response cache on (PostGraphile uncached)",
    cachedGet: true,
  },
  {
    name: "voting rights of all 82 governments (the charter: no peer equivalent)",
    node24: true,
    hub: '{ governments(first: 100) { nodes { slug votingRights(asOf: "2020-12-31") { eligible reasons { code } } } } }',
    peer: null,
    hubRows: () => null,
    peerRows: () => null,
  },
];
