/**
 * How names in a language sort. PostgreSQL built with ICU has a collation per
 * language (`ko-x-icu`: Hangul in dictionary order, `zh-x-icu`: pinyin…); the embedded
 * database (PGlite) has only ICU's root collation (`und-x-icu`), right for Korean,
 * Russian, Mongolian and English, and Chinese and Japanese in Unicode's radical-stroke
 * order; a database with neither sorts by code point (`C`). Migration
 * 1795852000000-NameOrderInLanguages indexes each language's order with the same choice.
 */
import type { EntityManager } from "typeorm";
import { FALLBACK_ORDER, NAME_PROPERTY, fallbackChain } from "./i18n";
import type { Lang } from "./i18n";
import type { NameRow } from "./i18n";
import { rootOf } from "./scoped-source";

const ICU_ROOT = "und-x-icu";

/** The collation names in each language sort by, on one database. */
export type NameCollations = Readonly<Record<Lang, string>>;

const byDatabase = new WeakMap<object, Promise<NameCollations>>();

/** Reads which collations the database has (at start, so a request's order sends no statement for it). */
export function readNameCollations(em: EntityManager): Promise<NameCollations> {
  const candidates = [ICU_ROOT, ...FALLBACK_ORDER.map((lang) => `${lang}-x-icu`)];
  const reading = em
    .query<{ collname: string }[]>(`SELECT collname FROM pg_collation WHERE collname = ANY($1::text[])`, [candidates])
    .then((rows) => {
      const present = new Set(rows.map((row) => row.collname));
      const pick = (lang: Lang) => (present.has(`${lang}-x-icu`) ? `${lang}-x-icu` : present.has(ICU_ROOT) ? ICU_ROOT : "C");
      return Object.fromEntries(FALLBACK_ORDER.map((lang) => [lang, pick(lang)])) as Record<Lang, string>;
    });
  byDatabase.set(rootOf(em.connection), reading);
  return reading;
}

/** The collations of `em`'s database, read once. */
export function nameCollations(em: EntityManager): Promise<NameCollations> {
  return byDatabase.get(rootOf(em.connection)) ?? readNameCollations(em);
}

/** The name `name(lang:)` shows of row `alias` (its columns `name_<lang>`), as SQL in `collation`: what a page orders by name in `lang`. */
export function nameOrderSql(alias: string, lang: Lang, collation: string): string {
  const chain = fallbackChain(lang).map((each) => `${alias}.name_${each}`);
  return `COALESCE(${chain.join(", ")}, '') COLLATE "${collation}"`;
}

/** `nameOrderSql`'s value for a row read with every name (a cursor's key). */
export function nameOrderValue(row: NameRow, lang: Lang): string {
  for (const each of fallbackChain(lang)) {
    const text = row[NAME_PROPERTY[each]];
    if (text !== null) return text;
  }
  return "";
}

/** The names a row's order by name reads: every language's (a missing one falls back to the next). */
export const ALL_NAME_PROPERTIES: readonly (keyof NameRow)[] = FALLBACK_ORDER.map((lang) => NAME_PROPERTY[lang]);
