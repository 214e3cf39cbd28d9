import { join } from "node:path";
import type { EntityManager } from "typeorm";
import { Country } from "../modules/country";
import { Government } from "../modules/government";
import { FoundingStatus, Membership } from "../modules/membership";
import { MEMBERSHIP_KINDS } from "../charter";
import { COUNTRIES } from "./countries";
import { cell, readCsv } from "./csv";
import { MEMBERSHIP_STARTS } from "./curated";
import { upsertByKey } from "./upsert";
import type { TableReport } from "./upsert";
import { mustGet, oneOf, partial, required } from "./values";

const FOUNDING: Record<string, FoundingStatus> = {
  yes: FoundingStatus.FOUNDING,
  no: FoundingStatus.NOT_FOUNDING,
  disputed: FoundingStatus.DISPUTED,
};

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
      website: cell(more, "website"),
      namedInReport: required(row, "named_in_report") === "yes",
      namesSource: [cell(row, "names_source"), cell(more, "names_source")].filter(Boolean).join(" "),
      figuresSource: cell(more, "source"),
      figuresNotes: cell(more, "notes"),
      notes: cell(row, "notes"),
    } satisfies Partial<Government>;
  });
  const { byKey, report } = await upsertByKey(em, Government, governments, (g) => g.slug!);
  reports.push(report);

  const memberships = members.map((row) => {
    const slug = required(row, "id");
    const precise = MEMBERSHIP_STARTS[slug];
    const start = partial(precise?.start ?? cell(row, "join_year"), "start");
    const founding = FOUNDING[required(row, "founding_1996")];
    if (!founding) throw new Error(`founding_1996 of ${slug} is not yes, no or disputed`);
    return {
      governmentId: mustGet(byKey, slug, "government").id,
      seq: 1,
      kind: oneOf(row, "kind", MEMBERSHIP_KINDS),
      startedOn: start.date,
      startPrecision: start.precision,
      endedOn: null,
      founding,
      source: [cell(row, "membership_source"), precise?.source]
        .filter((key, index, keys): key is string => !!key && !keys.slice(0, index).some((earlier) => earlier?.includes(key)))
        .join("; "),
    } satisfies Partial<Membership>;
  });
  reports.push((await upsertByKey(em, Membership, memberships, (m) => `${m.governmentId}/${m.seq}`)).report);
  return byKey;
}
