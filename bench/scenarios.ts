/**
 * The benchmark's scenarios: each a hub query, its PostGraphile equivalent (or none),
 * and both answers mapped to the same plain rows. Shared with the test that runs every
 * hub query both ways (lean reads and whole entities) and compares the answers.
 */
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

export const SCENARIOS: Scenario[] = [
  FLAT,
  {
    name: "nested: countries → governments → memberships and coordinator terms",
    embedded: true,
    node24: true,
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
