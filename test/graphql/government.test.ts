import { describe, expect, it } from "vitest";
import { useTestHub } from "../support/hub";

const HORIZON = { factsCompleteUntil: "2020-12-31" };

describe("government(slug:)", () => {
  const hub = useTestHub();

  it("returns the whole government with its country and membership", async () => {
    const result = await hub.run(`{
      government(slug: "jp-akita") {
        slug
        name { text lang requestedLang fallback }
        ja: name(lang: "ja") { text lang fallback }
        country { code name { text } }
        population populationYear capital website namedInReport
        memberships { kind startedOn startPrecision endedOn founding source }
      }
    }`);
    expect(result).toEqual({
      data: {
        government: {
          slug: "jp-akita",
          name: { text: "Akita Prefecture", lang: "EN", requestedLang: "EN", fallback: false },
          ja: { text: "秋田県", lang: "JA", fallback: false },
          country: { code: "JP", name: { text: "Japan" } },
          population: 959502,
          populationYear: 2020,
          capital: "Akita",
          website: "http://pref.akita.lg.jp",
          namedInReport: true,
          memberships: [
            {
              kind: "MEMBER",
              startedOn: "2018-10-01",
              startPrecision: "MONTH",
              endedOn: null,
              founding: "NOT_FOUNDING",
              source: "NPEC-JA; NEAR-JP; R2020 (Japan 11 members + 2 observers); NEAR-12GA",
            },
          ],
        },
      },
      extensions: HORIZON,
    });
  });

  it("answers null, with no error, for an unknown slug", async () => {
    expect(await hub.run(`{ government(slug: "xx-nowhere") { slug } }`)).toEqual({ data: { government: null }, extensions: HORIZON });
  });

  it("answers membership(asOf:) for the day asked: Miyagi is an observer from 2020-04-08, nothing before", async () => {
    const result = await hub.run(`{
      government(slug: "jp-miyagi") {
        before: membership(asOf: "2020-04-07") { kind }
        on: membership(asOf: "2020-04-08") { kind startedOn }
        today: membership { kind }
      }
    }`);
    expect(result.data).toEqual({
      government: { before: null, on: { kind: "OBSERVER", startedOn: "2020-04-08" }, today: { kind: "OBSERVER" } },
    });
  });
});

describe("name(lang:)", () => {
  const hub = useTestHub();

  it("falls back to English when the hub has no name in the language, and says so", async () => {
    const result = await hub.run(`{ government(slug: "cn-ningxia") { name(lang: "mn") { text lang requestedLang fallback } } }`);
    expect(result.data).toEqual({
      government: { name: { text: "Ningxia Hui Autonomous Region", lang: "EN", requestedLang: "MN", fallback: true } },
    });
  });

  it("accepts region and script subtags", async () => {
    const result = await hub.run(`{ government(slug: "kr-jeju") { name(lang: "zh-Hans-CN") { text lang } } }`);
    expect(result.data).toEqual({ government: { name: { text: "济州特别自治道", lang: "ZH" } } });
  });

  it("takes the default language from Accept-Language, honouring q-values", async () => {
    const result = await hub.run(`{ government(slug: "ru-sakha") { name { text lang } } }`, undefined, {
      acceptLanguage: "fr;q=1, ru;q=0.8, en;q=0.5",
    });
    expect(result.data).toEqual({ government: { name: { text: "Республика Саха (Якутия)", lang: "RU" } } });
  });

  it("refuses an unknown language with BAD_USER_INPUT naming the argument, as a literal or a variable", async () => {
    const literal = await hub.run(`{ government(slug: "ru-sakha") { name(lang: "xx") { text } } }`);
    expect(literal.data).toBeUndefined();
    expect(literal.errors).toEqual([
      {
        message: 'Unknown language "xx" for argument "lang": use one of en, zh, ko, ja, ru, mn',
        locations: [{ line: 1, column: 45 }],
        extensions: { code: "BAD_USER_INPUT", argumentName: "lang" },
      },
    ]);
    const variable = await hub.run(`query ($lang: LanguageTag) { government(slug: "ru-sakha") { name(lang: $lang) { text } } }`, {
      lang: "klingon",
    });
    expect(variable.errors?.map((e) => [e.extensions?.["code"], e.message])).toEqual([
      [
        "BAD_USER_INPUT",
        'Variable "$lang" got invalid value "klingon"; Unknown language "klingon" for argument "lang": use one of en, zh, ko, ja, ru, mn',
      ],
    ]);
  });
});

describe("relations of a government", () => {
  const hub = useTestHub();

  it("lists the committees it coordinates, the staff it dispatched and its ambassadors", async () => {
    const result = await hub.run(`{
      sakha: government(slug: "ru-sakha") {
        coordinatorTerms { committee { number } }
        committees { slug }
        dispatchedStaff { staffMember { slug } startedOn }
        dispatchedStaffHistory { staffMember { slug } }
        ambassadorAppointments { round people }
      }
      earlier: government(slug: "ru-sakha") { dispatchedStaff(asOf: "2020-06-01") { staffMember { slug } } }
    }`);
    expect(result.data).toEqual({
      sakha: {
        coordinatorTerms: [{ committee: { number: 14 } }],
        committees: [{ slug: "sc-14" }],
        dispatchedStaff: [{ staffMember: { slug: "irina-sleptsova" }, startedOn: "2020-11-02" }],
        dispatchedStaffHistory: [{ staffMember: { slug: "konstantinova-anastasia" } }, { staffMember: { slug: "irina-sleptsova" } }],
        ambassadorAppointments: [{ round: 1, people: 2 }],
      },
      earlier: { dispatchedStaff: [{ staffMember: { slug: "konstantinova-anastasia" } }] },
    });
  });

  it("follows a committee's coordinators over time: Daegu until August 2016, then Shanxi", async () => {
    const result = await hub.run(`{
      committee(slug: "sc-10") {
        number
        name { text }
        in2015: coordinators(asOf: "2015-06-01") { government { slug } startedOn endedOn endPrecision }
        in2020: coordinators(asOf: "2020-06-01") { government { slug } startedOn startPrecision }
        coordinatorHistory { government { slug } }
      }
      tourism: committee(slug: "sc-08") { coordinators(asOf: "2020-06-01") { government { slug } } }
    }`);
    expect(result.data).toEqual({
      committee: {
        number: 10,
        name: { text: "Subcommittee on Energy and Climate Change" },
        in2015: [{ government: { slug: "kr-daegu" }, startedOn: "2012-01-01", endedOn: "2016-08-31", endPrecision: "MONTH" }],
        in2020: [{ government: { slug: "cn-shanxi" }, startedOn: "2016-09-01", startPrecision: "MONTH" }],
        coordinatorHistory: [{ government: { slug: "kr-daegu" } }, { government: { slug: "cn-shanxi" } }],
      },
      tourism: { coordinators: [{ government: { slug: "cn-henan" } }, { government: { slug: "cn-ningxia" } }] },
    });
  });

  it("follows a post's holders over time", async () => {
    const result = await hub.run(`{
      post(slug: "chinese-dispatched-official") {
        titleEn
        department { slug }
        holders { staffMember { slug } dispatchedBy { slug } startedOn endedOn status }
        onDec1: holdersOn(asOf: "2020-12-01") { staffMember { slug } }
        onDec31: holdersOn(asOf: "2020-12-31") { staffMember { slug } }
      }
    }`);
    expect(result.data).toEqual({
      post: {
        titleEn: "Chinese Dispatched Official",
        department: { slug: "international-cooperation" },
        holders: [
          {
            staffMember: { slug: "ma-su-chao" },
            dispatchedBy: { slug: "cn-ningxia" },
            startedOn: "2019-12-01",
            endedOn: "2020-11-27",
            status: "FORMER",
          },
          {
            staffMember: { slug: "cheng-an-ni" },
            dispatchedBy: { slug: "cn-heilongjiang" },
            startedOn: "2020-12-28",
            endedOn: null,
            status: "CURRENT",
          },
        ],
        onDec1: [],
        onDec31: [{ staffMember: { slug: "cheng-an-ni" } }],
      },
    });
  });
});
