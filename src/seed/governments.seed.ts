import { join } from "node:path";
import { websiteOf } from "./websites";
import type { EntityManager } from "typeorm";
import { Country } from "../modules/country";
import { Government } from "../modules/government";
import { AlternativeName } from "../modules/names";
import { Lang } from "../core/i18n";
import { FoundingStatus, Membership } from "../modules/membership";
import { MEMBERSHIP_KINDS, NEAR_FOUNDED } from "../charter";
import { COUNTRIES } from "./countries";
import { cell, readCsv } from "./csv";
import { MEMBERSHIP_STARTS, POPULATION_INCLUDED_IN, SOURCE_DATES } from "./curated";
import { upsertByKey } from "./upsert";
import type { TableReport } from "./upsert";
import { mustGet, oneOf, partial, required } from "./values";

const LANGS = Object.values(Lang);

const FOUNDING: Record<string, FoundingStatus> = {
  yes: FoundingStatus.FOUNDING,
  no: FoundingStatus.NOT_FOUNDING,
  disputed: FoundingStatus.DISPUTED,
};

/**
 * Other spellings the sources use, from the names_source notes ("zh:std(R2020
 * writes 阿尔泰边境区)", "ja:std(NEAR-RU: カムチャッカ州)") and from the report's
 * ambassadors' table where it names a government differently.
 */
function alternativeNamesIn(namesSource: string): { lang: string; name: string; source: string }[] {
  const found: { lang: string; name: string; source: string }[] = [];
  for (const match of namesSource.matchAll(/\b(en|zh|ko|ja|ru|mn):[A-Za-z0-9-]*\(([^)]*)\)/g)) {
    for (const part of match[2].split(";")) {
      const spelled = /^\s*([A-Za-z0-9-]+)(?: (writes|uses|misprints)|:) (\S+)/.exec(part);
      if (!spelled) continue;
      const [, source, verb, name] = spelled;
      found.push({ lang: match[1], name: name, source: verb === "misprints" ? `${source} (misprint)` : source });
    }
  }
  return found;
}

/** The first day one of the source keys in `sources` attests a fact (SOURCE_DATES); null when none is dated. */
function firstAttested(sources: string): string | null {
  const days = Object.entries(SOURCE_DATES)
    .filter(([key]) => new RegExp(`(^|[^A-Z0-9-])${key}([^A-Z0-9-]|$)`).test(sources))
    .map(([, { speaksFor }]) => partial(speaksFor, "end").date!);
  return days.length === 0 ? null : days.sort()[0];
}

export async function seedGovernments(em: EntityManager, dir: string, reports: TableReport[]): Promise<Map<string, Government>> {
  reports.push((await upsertByKey(em, Country, COUNTRIES, (c) => c.code!)).report);
  const members = readCsv(join(dir, "members.csv"));
  const extra = new Map(readCsv(join(dir, "governments-extra.csv")).map((row) => [required(row, "id"), row]));
  const governments = members.map((row) => {
    const slug = required(row, "id");
    const more = mustGet(extra, slug, "government in governments-extra.csv");
    const population = cell(more, "population");
    const area = cell(more, "area_km2");
    const populationYear = cell(more, "population_year");
    return {
      slug,
      countryCode: required(row, "country"),
      nameEn: cell(row, "name_en"),
      nameZh: cell(row, "name_zh"),
      nameKo: cell(row, "name_ko"),
      nameJa: cell(row, "name_ja"),
      nameRu: cell(row, "name_ru") ?? cell(more, "name_ru"),
      nameMn: cell(row, "name_mn") ?? cell(more, "name_mn"),
      population: population === null ? null : Number(population),
      populationYear: populationYear === null ? null : Number(populationYear),
      areaKm2: area === null ? null : Number(area),
      capital: cell(more, "capital"),
      ...websiteOf(cell(more, "website")),
      namedInReport: required(row, "named_in_report") === "yes",
      namesSource: [cell(row, "names_source"), cell(more, "names_source")].filter(Boolean).join(" "),
      figuresSource: cell(more, "source"),
      figuresNotes: cell(more, "notes"),
      notes: cell(row, "notes"),
    } satisfies Partial<Government>;
  });
  const { byKey, report } = await upsertByKey(em, Government, governments, (g) => g.slug!);
  reports.push(report);

  for (const [slug, includer] of Object.entries(POPULATION_INCLUDED_IN)) {
    const government = mustGet(byKey, slug, "government");
    const populationIncludedInId = mustGet(byKey, includer, "government").id;
    if (government.populationIncludedInId !== populationIncludedInId)
      await em.getRepository(Government).update(government.id, { populationIncludedInId });
  }

  const spellings = new Map<string, Partial<AlternativeName>>();
  const keep = (government: Government, lang: string, name: string, source: string) => {
    if (name === government[`name${lang[0].toUpperCase()}${lang[1]}` as "nameZh"]) return;
    const row = { targetType: "Government" as const, targetKey: String(government.id), lang: oneOf({ lang }, "lang", LANGS), name, source };
    spellings.set(`${row.targetKey}/${lang}/${name}`, row);
  };
  for (const government of byKey.values()) {
    for (const spelling of alternativeNamesIn(government.namesSource ?? ""))
      keep(government, spelling.lang, spelling.name, spelling.source);
  }
  for (const row of readCsv(join(dir, "ambassadors.csv"))) {
    const member = cell(row, "member_id");
    const printed = cell(row, "member_name_zh");
    if (member !== null && printed !== null) keep(mustGet(byKey, member, "government"), "zh", printed, "R2020 (ambassadors' table)");
  }
  reports.push((await upsertByKey(em, AlternativeName, [...spellings.values()], (a) => `${a.targetKey}/${a.lang}/${a.name}`)).report);

  const memberships = members.map((row) => {
    const slug = required(row, "id");
    const precise = MEMBERSHIP_STARTS[slug];
    const founding = FOUNDING[required(row, "founding_1996")];
    if (!founding) throw new Error(`founding_1996 of ${slug} is not yes, no or disputed`);
    // A founder joined on the founding day: it signed the charter (Charter Art. 19; NEAR-AFF names the 29).
    const start = partial(precise?.start ?? (founding === FoundingStatus.FOUNDING ? NEAR_FOUNDED : cell(row, "join_year")), "start");
    const sources = cell(row, "membership_source") ?? "";
    return {
      governmentId: mustGet(byKey, slug, "government").id,
      seq: 1,
      kind: oneOf(row, "kind", MEMBERSHIP_KINDS),
      startedOn: start.date,
      startPrecision: start.precision,
      attestedOn: start.date === null ? firstAttested(sources) : null,
      endedOn: null,
      endPrecision: null,
      founding,
      source: [cell(row, "membership_source"), precise?.source]
        .filter((key, index, keys): key is string => !!key && !keys.slice(0, index).some((earlier) => earlier?.includes(key)))
        .join("; "),
    } satisfies Partial<Membership>;
  });
  reports.push((await upsertByKey(em, Membership, memberships, (m) => `${m.governmentId}/${m.seq}`)).report);
  return byKey;
}
