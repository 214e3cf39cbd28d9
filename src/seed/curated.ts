/**
 * Facts the CSVs give in prose (notes, "coordinator_as_of", role titles) turned into
 * structured rows. Each entry quotes the cell it comes from; nothing here is new.
 */
import { CommitteeKind } from "../modules/committee";

/** Membership starts more precise than members.csv's join_year, from its notes and events.csv. */
/**
 * Population figures that already contain another government's, from the notes of
 * governments-extra.csv: "The 2008 provincial figure INCLUDES Rason (then part of the
 * province) — do not add kp-rason on top when summing."
 */
export const POPULATION_INCLUDED_IN: Readonly<Record<string, string>> = { "kp-rason": "kp-hamgyongbuk" };

/**
 * The day each dated source speaks for, from sources.md's own words: the latest day a
 * fact it states is attested by (a month or year means its last day). A start no
 * source dates lies between the earliest possible day and the first of these among the
 * row's sources (charter/calendar.ts, `startWindowOf`). Pages sources.md leaves undated
 * attest nothing.
 */
export const SOURCE_DATES: Readonly<Record<string, { speaksFor: string; quote: string }>> = {
  R2020: { speaksFor: "2020-12-31", quote: "NEAR Annual Report 2020" },
  "NPEC-JA": { speaksFor: "2021-10", quote: "list as of Oct 2021" },
  "NPEC-EN": { speaksFor: "2023-12", quote: "list as of Dec 2023" },
  "NEAR-MN-2016": { speaksFor: "2016-02-22", quote: "neargov.org JA news 2016-02-22" },
  "NEAR-MN-2021": { speaksFor: "2021-04-15", quote: "neargov.org KO news 2021-04-15" },
  "NEAR-12GA": { speaksFor: "2018-11-20", quote: "12th GA record (2018-11-20)" },
  "NEAR-2019PLAN": { speaksFor: "2019", quote: "neargov.org JA 2019 work plan" },
  "NEAR-ECC-2018": { speaksFor: "2018-09-27", quote: "neargov.org EN news 2018-09-27" },
  "CRI-2009": { speaksFor: "2009-10-31", quote: "korean.cri.cn 2009-10-31" },
  "JILIN-FAO": { speaksFor: "2022-09-22", quote: "Jilin FAO 2022-09-22" },
  "WEBLIO-JAWIKI": { speaksFor: "2022-05-31", quote: "via weblio, 2022-05-31 copy" },
  "KUKI-2018": { speaksFor: "2018-04-02", quote: "Kukmin Ilbo 2018-04-02" },
  "YATODAY-2018": { speaksFor: "2018", quote: "yatoday.ru 2018" },
  "KB-2023": { speaksFor: "2023", quote: "Kyongbuk Ilbo 2023" },
  "NEWS-2006": { speaksFor: "2006-04-12", quote: "Seoul Shinmun 2006-04-12" },
  "ISSUU-INTRO": { speaksFor: "2013", quote: "NEAR introduction brochure (c. 2012–13, 71 members)" },
  "VNP-2017": { speaksFor: "2017", quote: "VietnamPlus: HCMC invited 2017" },
  "VNP-2021": { speaksFor: "2021", quote: "VietnamPlus 2021" },
  "SAKHA-SPORT": { speaksFor: "2019-08", quote: "modun.ru (2019-08)" },
};

/**
 * Establishment years the seeds' notes give for the three committees the regulation
 * prints only as deleted (committees.csv, notes of 5, 6 and 11).
 */
export const ESTABLISHED_IN_NOTES: Readonly<Record<number, { year: string; quote: string }>> = {
  5: { year: "2004", quote: "most likely the Border/Cross-border Cooperation subcommittee (created 2004)" },
  6: { year: "2006", quote: "most likely the Science & Technology subcommittee (created 2006)" },
  11: { year: "2010", quote: "most likely the Women and Children subcommittee (created 2010)" },
};

export const MEMBERSHIP_STARTS: Record<string, { start: string; source: string }> = {
  // events.csv 2020-04-08: "Miyagi Prefecture joins as an observer (governor's letter)" (R2020).
  "jp-miyagi": { start: "2020-04-08", source: "R2020" },
  // members.csv notes: "Admitted at 12th GA (Zhangjiajie, Hunan, 2018-10)".
  "jp-akita": { start: "2018-10", source: "NEAR-12GA" },
};

/** The bodies of the Charter and the Dues Regulation, named as rules.md and the report name them. */
export const BODIES = [
  {
    slug: "general-assembly",
    kind: CommitteeKind.GENERAL_ASSEMBLY,
    nameEn: "General Assembly",
    nameZh: "全体会议",
    established: "1996-09-12",
    attested: null,
    history:
      "Charter Art. 6 (rev. 2016-09-27): the heads of member governments; meets every other year. The charter was adopted on 1996-09-12.",
    source: "R2020 (charter)",
  },
  {
    slug: "working-committee",
    kind: CommitteeKind.WORKING_COMMITTEE,
    nameEn: "Working Committee",
    nameZh: "事务委员会",
    established: null,
    // Art. 10, which sets it up, is dated 2014-10-22: the first source that attests it.
    attested: "2014-10-22",
    history: "Charter Art. 10 (new 2014-10-22, rev. 2018-10-29): director-general-level officials; meets at least once a year.",
    source: "R2020 (charter)",
  },
  {
    slug: "budget-review-committee",
    kind: CommitteeKind.BUDGET_REVIEW,
    nameEn: "Budget Review Committee",
    nameZh: "预算审议委员会",
    established: null,
    // Enacted with the Dues Regulation on 2016-09-28: the first source that attests it.
    attested: "2016-09-28",
    history: "Dues Regulation Art. 8 (regulation enacted 2016-09-28, rev. 2017-09-26 and 2019-08-07): one member per country.",
    source: "R2020 (dues regulation)",
  },
];

export interface CuratedCoordinatorTerm {
  committee: number;
  government: string;
  start: string | null;
  end: string | null;
  /** For an undated start: when the source (coordinator_as_of) attests the coordinator; a year means its end. */
  attested?: string;
  /** Where the sources disagree about the term, in their words. */
  notes?: string;
}

/**
 * Coordinator spells from committees.csv's coordinator_as_of column. An empty start
 * means the source gives none ("long-standing", "2019 plan", "current list").
 */
export const COORDINATOR_TERMS: readonly CuratedCoordinatorTerm[] = [
  { committee: 1, government: "kr-gyeongbuk", start: "1998", end: null }, // "coordinator since 1998"
  { committee: 2, government: "jp-toyama", start: null, end: null, attested: "2023" }, // "long-standing (about 20 years by 2023)"
  { committee: 3, government: "jp-shimane", start: null, end: null }, // "long-standing; meetings held yearly since 2002"
  { committee: 4, government: "jp-hyogo", start: "2002", end: null }, // "since 2002 (NEAR-HYOGO)"
  { committee: 7, government: "cn-shandong", start: "2009-11-02", end: null }, // "since its inaugural meeting in Qingdao, 2009-11-02"
  { committee: 8, government: "cn-henan", start: "2018", end: null }, // "co-coordination from 2018"
  { committee: 8, government: "cn-ningxia", start: "2018", end: null }, // "co-coordination from 2018"
  {
    committee: 9,
    government: "ru-magadan",
    start: "2010-10-28",
    end: null,
    // NEAR-MIN dates both the committee and Magadan's coordination to the 2009 Working Committee; the regulation sets
    // the committee up on 2010-10-28, and no one coordinates a committee before it exists.
    notes:
      "NEAR-MIN says 'since 2009 (7th Working Committee)', the year it also gives for the committee's creation; the committee regulation establishes the committee on 2010-10-28, so the term is taken to start then.",
  },
  { committee: 10, government: "kr-daegu", start: "2012", end: "2016-08" }, // "(Daegu 2012 to Aug 2016)"
  { committee: 10, government: "cn-shanxi", start: "2016-09", end: null }, // "since Sept 2016"
  { committee: 12, government: "kr-chungbuk", start: "2011-07-19", end: null }, // "since creation" (established 2011-07-19)
  { committee: 13, government: "kr-jeonnam", start: null, end: null }, // "current list"
  { committee: 14, government: "ru-sakha", start: null, end: null, attested: "2019-08-06" }, // "proposed 2013–14; first meeting 2019-08-06"
  { committee: 15, government: "cn-heilongjiang", start: null, end: null, attested: "2019" }, // "2019 plan; current list"
  { committee: 16, government: "cn-jilin", start: null, end: null, attested: "2019" }, // "2019 plan; 2022"
  { committee: 17, government: "cn-henan", start: null, end: null, attested: "2019" }, // "2019 plan; current list"
  { committee: 18, government: "cn-hunan", start: "2018-10-29", end: null }, // "from creation at 12th GA (2018)", established 2018-10-29
  { committee: 19, government: "ru-krasnoyarsk", start: "2018-10-29", end: null }, // "from creation at 12th GA (2018)"
  { committee: 20, government: "cn-shaanxi", start: null, end: null, attested: "2019" }, // "2019 plan; current list"
];

/** staff.csv's department column, with the Chinese names its role_zh column uses. */
export const DEPARTMENTS = [
  { slug: "secretariat", nameEn: "Secretariat", nameZh: "秘书处", csv: "Secretariat" },
  { slug: "planning-pr", nameEn: "Planning & Public Relations Department", nameZh: "企划宣传部", csv: "Planning & PR" },
  {
    slug: "international-cooperation",
    nameEn: "International Cooperation Department",
    nameZh: "国际协力部",
    csv: "International Cooperation",
  },
  { slug: "shimane-branch", nameEn: "NEAR Secretariat Shimane Branch", nameZh: "NEAR秘书处岛根县分部", csv: "Shimane branch" },
];

/**
 * The post each staff.csv row holds: rows whose role_en differs only by "(former)"
 * share one post. Administrative officers are three seats of one post.
 */
export const POSTS = [
  { slug: "secretary-general", titleEn: "Secretary-General", titleZh: "秘书长", department: "secretariat", staff: ["sg-kim-ok-chae"] },
  {
    slug: "planning-pr-director",
    titleEn: "Director, Planning & PR Department",
    titleZh: "企划宣传部长",
    department: "planning-pr",
    staff: ["kim-young-hee", "jeong-pil-ran"],
  },
  {
    slug: "planning-pr-team-leader",
    titleEn: "Team Leader, Planning & PR Department",
    titleZh: "企划宣传部组长",
    department: "planning-pr",
    staff: ["lee-won-young", "choi-hae-yong"],
  },
  {
    slug: "international-cooperation-director",
    titleEn: "Director, International Cooperation Department",
    titleZh: "国际协力部长",
    department: "international-cooperation",
    staff: ["kim-woon-gon"],
  },
  {
    slug: "international-cooperation-team-leader",
    titleEn: "Team Leader, International Cooperation Department",
    titleZh: "国际协力部组长",
    department: "international-cooperation",
    staff: ["choi-ju-hwa"],
  },
  {
    slug: "china-specialist",
    titleEn: "China Specialist",
    titleZh: "中国专员",
    department: "international-cooperation",
    staff: ["park-li-jing", "zhao-xian-hua"],
  },
  {
    slug: "chinese-dispatched-official",
    titleEn: "Chinese Dispatched Official",
    titleZh: "中国派遣公务员",
    department: "international-cooperation",
    staff: ["ma-su-chao", "cheng-an-ni"],
  },
  { slug: "mongolia-specialist", titleEn: "Mongolia Specialist", titleZh: "蒙古专员", department: null, staff: ["xi-xi-ge"] },
  {
    slug: "mongolian-dispatched-official",
    titleEn: "Mongolian Dispatched Official",
    titleZh: "蒙古派遣公务员",
    department: "international-cooperation",
    staff: ["ajizaya", "batsaikhan-munkhtsetseg"],
  },
  {
    slug: "russian-dispatched-official",
    titleEn: "Russian Dispatched Official",
    titleZh: "俄罗斯派遣公务员",
    department: "international-cooperation",
    staff: ["konstantinova-anastasia", "irina-sleptsova"],
  },
  { slug: "russia-specialist", titleEn: "Russia Specialist", titleZh: "俄罗斯专员", department: null, staff: ["a-er-zhan"] },
  {
    slug: "japan-specialist",
    titleEn: "Japan Specialist",
    titleZh: "日本专员",
    department: "international-cooperation",
    staff: ["son-ryeo-kyung"],
  },
  {
    slug: "shimane-branch-liaison",
    titleEn: "Shimane Branch Liaison",
    titleZh: "NEAR秘书处岛根县分部",
    department: "shimane-branch",
    staff: ["cho-hee-eun", "bito-keisuke"],
  },
  {
    slug: "english-specialist",
    titleEn: "English Specialist",
    titleZh: "英语专员",
    department: "planning-pr",
    staff: ["kim-mi-yeon", "seok-ji-ryeong"],
  },
  {
    slug: "administrative-officer",
    titleEn: "Administrative Officer",
    titleZh: "行政专员",
    department: null,
    staff: ["kim-yu-jin", "kim-su-hyeon", "do-eon-seok"],
  },
];

export const ASSOCIATION = {
  id: 1,
  nameEn: "Association of North East Asia Regional Governments",
  factsCompleteUntil: "2020-12-31",
  factsSource: "NEAR Annual Report 2020 (Chinese edition) and the public pages listed in its sources",
  // The report holds no dues payments and no complete record of committee meetings: the
  // ledger records no year (every year's dues are unknown) and no period's activity is complete.
  duesLedgerFrom: null,
  activityRecordsFrom: null,
  // Charter Art. 12: the secretariat is permanently in Gyeongsangbuk-do.
  secretariatHost: "kr-gyeongbuk",
};

export interface CuratedSitting {
  number: number;
  host: string;
  /** As precise as the sources give it: "1996-09-12", "2010-10", "2002". */
  when: string;
  postponedOn?: string;
  location: string | null;
  source: string;
  notes?: string;
}

/**
 * The General Assemblies, from members.csv's notes and events.csv. The 4th is
 * numbered by position (the 3rd was in 2000, the 5th in 2004); the 13th was planned
 * for October 2020 in Sakha and postponed by the 2020 written consultation.
 */
export const GENERAL_ASSEMBLIES: readonly CuratedSitting[] = [
  {
    number: 1,
    host: "kr-gyeongbuk",
    when: "1996-09-12",
    location: "Gyeongju, KR",
    source: "R2020 (charter); NEAR-AFF",
    notes: "The charter was signed and the association founded (events.csv).",
  },
  { number: 2, host: "jp-toyama", when: "1998", location: null, source: "members.csv notes (jp-toyama)" },
  { number: 3, host: "jp-hyogo", when: "2000", location: null, source: "members.csv notes (jp-hyogo, cn-ningxia)" },
  {
    number: 4,
    host: "ru-khabarovsk",
    when: "2002",
    location: "Khabarovsk, RU",
    source: "members.csv notes (ru-khabarovsk); KUKI-2018",
    notes: "The sources call it the 2002 Khabarovsk GA; its number follows from the 3rd (2000) and 5th (2004).",
  },
  { number: 5, host: "cn-heilongjiang", when: "2004", location: "Harbin, CN", source: "R2020; members.csv notes (cn-heilongjiang)" },
  { number: 6, host: "kr-busan", when: "2006", location: "Busan, KR", source: "members.csv notes (kr-busan, cn-hubei)" },
  { number: 7, host: "cn-shandong", when: "2008", location: null, source: "members.csv notes (cn-shandong, ru-magadan)" },
  { number: 8, host: "kr-gyeonggi", when: "2010-10", location: null, source: "members.csv notes (kr-gyeonggi, ru-kemerovo)" },
  { number: 9, host: "cn-ningxia", when: "2012", location: null, source: "R2020; members.csv notes (cn-ningxia)" },
  { number: 10, host: "kr-jeonnam", when: "2014-10", location: null, source: "members.csv notes (kr-jeonnam, ru-khakassia)" },
  { number: 11, host: "ru-irkutsk", when: "2016-09", location: null, source: "members.csv notes (ru-irkutsk, cn-shaanxi)" },
  {
    number: 12,
    host: "cn-hunan",
    when: "2018-10",
    location: "Zhangjiajie, CN",
    source: "members.csv notes (cn-hunan, jp-akita); NEAR-12GA",
  },
  {
    number: 13,
    host: "ru-sakha",
    when: "2020-10",
    postponedOn: "2020-07-01",
    location: "Sakha, RU (planned)",
    source: "R2020",
    notes:
      "Planned for October 2020 in Sakha (the SG's message says September), postponed to 2021 by the 2020 written consultation. It was held online from Pohang on 2021-08-10 (NEAR-13GA), after the facts horizon.",
  },
];

/**
 * The 2020 written consultation (events.csv, 2020-07; rules.md §4, §8). The report
 * gives counts, not the governments: 66 of 78 agreed, the DPRK's two did not reply.
 */
export const WRITTEN_CONSULTATION_2020 = {
  title: "Written consultation of the 78 members by the secretariat on postponing the 13th General Assembly and extending the chair's term",
  when: "2020-07",
  source: "R2020",
  notes:
    "The report names no body: the secretariat consulted the 78 members 'according to the Charter' (R2020, line 797). " +
    "It is recorded under the Working Committee, which decides in the years without a General Assembly (Charter Art. 9-2): the hub's reading, not the report's words. " +
    "78 members consulted; 66 members from 5 countries agreed; the DPRK did not reply; the SG's message puts the response rate at 90%. " +
    "The report gives no count of replies that did not agree, so the tally records the 66 known replies as present: a lower bound. " +
    "Quorum (40 of 78) and the majority (more than half of those present) hold under it, and would still hold with every other possible reply counted against (66 of 76).",
  item: {
    title: "Postpone the 13th General Assembly to 2021 and extend the Republic of Sakha (Yakutia)'s chairmanship until it sits",
    charterItem: 9,
    present: 66,
    votesFor: 66,
    extendsChairOf: "ru-sakha",
  },
};

/** Specialised-committee meetings that committees.csv dates (its coordinator_as_of column). */
export const COMMITTEE_MEETINGS = [
  {
    committee: "sc-07",
    host: "cn-shandong",
    when: "2009-11-02",
    title: "Inaugural meeting of the Subcommittee on Oceans and Fisheries",
    location: "Qingdao, CN",
    source: "CRI-2009",
  },
  {
    committee: "sc-12",
    host: "kr-chungbuk",
    when: "2013-05",
    title: "First meeting of the Subcommittee on Life and Medical Industry",
    location: null,
    source: "NEAR-LIFE",
  },
  {
    committee: "sc-14",
    host: "ru-sakha",
    when: "2019-08-06",
    title: "First meeting of the Subcommittee on Sports",
    location: "Yakutsk, RU",
    source: "SAKHA-SPORT",
  },
];

export interface CuratedStatedFigure {
  key: string;
  label: string;
  value: number;
  unit: string;
  asOf: string;
  source: string;
  /** The report's words, where the figure comes from. */
  quote: string;
}

/**
 * Figures the Annual Report 2020 states, in its own words (report-2020.zh.txt, line
 * numbers of ../shared/near-2020). The hub shows each beside what it computes from its
 * records, where it can, and never forces one to match the other.
 */
export const STATED_FIGURES: readonly CuratedStatedFigure[] = [
  {
    key: "member-population",
    label: "Population of the member governments",
    value: 660_000_000,
    unit: "people",
    asOf: "2020-12-31",
    source: "R2020 l. 5",
    quote: "总涵盖人口6亿6千万人",
  },
  {
    key: "members",
    label: "Member governments",
    value: 78,
    unit: "governments",
    asOf: "2020-12-31",
    source: "R2020 l. 5",
    quote: "6个国家78个会员地方政府",
  },
  {
    key: "member-countries",
    label: "Countries of the member governments",
    value: 6,
    unit: "countries",
    asOf: "2020-12-31",
    source: "R2020 l. 5",
    quote: "6个国家78个会员地方政府",
  },
  {
    key: "secretariat-budget-krw",
    label: "Secretariat running costs a year",
    value: 1_500_000_000,
    unit: "KRW",
    asOf: "2020-12-31",
    source: "R2020 l. 1092",
    quote: "秘书处一年运营费用约15亿韩元",
  },
  {
    key: "secretariat-budget-usd",
    label: "Secretariat running costs a year (in US dollars)",
    value: 1_360_000,
    unit: "USD",
    asOf: "2020-12-31",
    source: "R2020 l. 1092",
    quote: "相当于136万美元",
  },
  {
    key: "secretariat-share-gyeongbuk",
    label: "Share of the secretariat's costs paid by Gyeongsangbuk-do",
    value: 70,
    unit: "percent",
    asOf: "2020-12-31",
    source: "R2020 l. 1092-1094",
    quote: "由庆尚北道支援经费的70%",
  },
  {
    key: "secretariat-share-pohang",
    label: "Share of the secretariat's costs paid by Pohang",
    value: 30,
    unit: "percent",
    asOf: "2020-12-31",
    source: "R2020 l. 1094",
    quote: "浦项市支援经费的30%",
  },
  {
    key: "postponement-agreed",
    label: "Members agreeing to postpone the 13th General Assembly",
    value: 66,
    unit: "governments",
    asOf: "2020-12-31",
    source: "R2020 l. 799",
    quote: "66个会员地方政府复函表示赞同",
  },
  {
    key: "ambassador-people",
    label: "Honorary PR ambassadors nominated by members",
    value: 40,
    unit: "people",
    asOf: "2020-12-31",
    source: "R2020 l. 92",
    quote: "来自5个国家27个会员地方政府推荐的40名宣传大使",
  },
  {
    key: "ambassador-governments",
    label: "Governments that nominated ambassadors",
    value: 27,
    unit: "governments",
    asOf: "2020-12-31",
    source: "R2020 l. 92",
    quote: "来自5个国家27个会员地方政府推荐的40名宣传大使",
  },
  {
    key: "ambassador-countries",
    label: "Countries of the governments that nominated ambassadors",
    value: 5,
    unit: "countries",
    asOf: "2020-12-31",
    source: "R2020 l. 92",
    quote: "来自5个国家27个会员地方政府推荐的40名宣传大使",
  },
  {
    key: "art-contest-entries",
    label: "Entries to the 8th NEAR Youth Art Contest",
    value: 323,
    unit: "entries",
    asOf: "2020-12-31",
    source: "R2020 l. 243",
    quote: "本届征集作品共计323篇",
  },
];

export interface CuratedEventFigure {
  /** The event: its first day and the start of its English title in events.csv. */
  startsOn: string;
  title: string;
  measure: string;
  value: number;
  countryCode?: string;
}

const parts = (startsOn: string, title: string, measure: string, byCountry: Record<string, number>): CuratedEventFigure[] =>
  Object.entries(byCountry).map(([countryCode, value]) => ({ startsOn, title, measure, value, countryCode }));

/**
 * The figures events.csv states in its participants column, read as fields (the
 * column's words are kept on the event). Only what the text says; a government's part
 * ("Shaanxi 40") is left in the text, where the text gives no country total.
 */
export const EVENT_FIGURES: readonly CuratedEventFigure[] = [
  { startsOn: "1996-09-12", title: "NEAR Charter signed", measure: "governments", value: 29 },
  { startsOn: "1996-09-12", title: "NEAR Charter signed", measure: "countries", value: 4 },
  { startsOn: "2020-01-01", title: "Secretariat delegation visits Ulaanbaatar", measure: "delegation", value: 5 },
  { startsOn: "2020-01-01", title: "Secretariat delegation visits Ulaanbaatar", measure: "members", value: 15 },
  { startsOn: "2020-01-14", title: "Courtesy visit by Shimane Prefecture", measure: "people", value: 3 },
  { startsOn: "2020-01-28", title: "NEAR youth art awards presented", measure: "participants", value: 173 },
  { startsOn: "2020-01-28", title: "NEAR youth art awards presented", measure: "entries", value: 44 },
  { startsOn: "2020-01-28", title: "NEAR youth art awards presented", measure: "awards", value: 9 },
  { startsOn: "2020-02-12", title: "SG delegation visits Oita", measure: "delegation", value: 4 },
  { startsOn: "2020-02-01", title: "SG sends COVID-19 solidarity letters", measure: "letters", value: 11 },
  { startsOn: "2020-02-01", title: "SG sends COVID-19 solidarity letters", measure: "replies", value: 10 },
  { startsOn: "2020-04-01", title: "First round of member-nominated", measure: "ambassadors", value: 26 },
  { startsOn: "2020-04-01", title: "First round of member-nominated", measure: "members", value: 17 },
  { startsOn: "2020-07-01", title: "Decision to postpone the 13th GA", measure: "members consulted", value: 78 },
  { startsOn: "2020-07-01", title: "Decision to postpone the 13th GA", measure: "members agreeing", value: 66 },
  { startsOn: "2020-07-01", title: "Decision to postpone the 13th GA", measure: "countries agreeing", value: 5 },
  { startsOn: "2020-07-13", title: "1st Korean university student internship", measure: "students", value: 10 },
  { startsOn: "2020-08-18", title: "1st Korean university student internship", measure: "students", value: 10 },
  { startsOn: "2020-07-20", title: "NE Asian youth art exhibition", measure: "works", value: 61 },
  { startsOn: "2020-08-01", title: "Second round of member-nominated", measure: "ambassadors", value: 14 },
  { startsOn: "2020-08-01", title: "Second round of member-nominated", measure: "members", value: 10 },
  { startsOn: "2020-08-05", title: "WeGO–TCS Webinar", measure: "participants", value: 72 },
  { startsOn: "2020-08-05", title: "WeGO–TCS Webinar", measure: "members", value: 7 },
  { startsOn: "2020-09-07", title: "1st International Day of Clean Air", measure: "members", value: 22 },
  { startsOn: "2020-09-07", title: "1st International Day of Clean Air", measure: "members", value: 14, countryCode: "KR" },
  { startsOn: "2020-09-08", title: "Jeju online international photo exhibition", measure: "members", value: 9 },
  { startsOn: "2020-09-08", title: "Jeju online international photo exhibition", measure: "works", value: 34 },
  { startsOn: "2020-09-28", title: "First online 'NEAR Special Dialogue'", measure: "members", value: 32 },
  ...parts("2020-09-28", "First online 'NEAR Special Dialogue'", "members", { CN: 5, KR: 7, MN: 8, RU: 12 }),
  { startsOn: "2020-09-28", title: "First online 'NEAR Special Dialogue'", measure: "participants", value: 111 },
  { startsOn: "2020-09-28", title: "First online 'NEAR Special Dialogue'", measure: "speakers", value: 6 },
  { startsOn: "2020-11-18", title: "Daegu Metropolitan City and Gyeongbuk officials", measure: "people", value: 5 },
  { startsOn: "2020-01-01", title: "8th NEAR Youth Art Contest", measure: "entries", value: 323 },
  ...parts("2020-01-01", "8th NEAR Youth Art Contest", "entries", { CN: 105, JP: 22, KR: 18, MN: 46, RU: 132 }),
];
