import { GraphQLScalarType, Kind } from "graphql";
import type { ValueNode } from "graphql";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { InputError } from "./errors";

/** The six languages of NEAR's member countries, the languages names are kept in. */
export enum Lang {
  EN = "en",
  ZH = "zh",
  KO = "ko",
  JA = "ja",
  RU = "ru",
  MN = "mn",
}

registerEnumType(Lang, { name: "Lang", description: "A language the hub keeps names in." });

/** Fallback order when a name is missing: English first (Art. 20: the charter's common text), then the rest. */
export const FALLBACK_ORDER: readonly Lang[] = [Lang.EN, Lang.ZH, Lang.KO, Lang.JA, Lang.RU, Lang.MN];
const KNOWN = new Set<string>(Object.values(Lang));

/** The Lang of a BCP 47 tag ("ko", "zh-Hans-CN", "EN-us"), or null if the hub keeps no names in it. */
function langOfTag(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return KNOWN.has(primary) ? (primary as Lang) : null;
}

/** A `lang` argument: a language tag the hub knows, or a BAD_USER_INPUT error naming it. */
export const LanguageTagScalar = new GraphQLScalarType<Lang, string>({
  name: "LanguageTag",
  description:
    "A BCP 47 language tag whose language the hub keeps names in: en, zh, ko, ja, ru or mn (region and script subtags such as zh-Hans or ko-KR are accepted and ignored).",
  serialize(value) {
    return String(value);
  },
  parseValue(value) {
    return parseLanguageTag(value);
  },
  parseLiteral(ast) {
    return parseLanguageTag(ast.kind === Kind.STRING ? ast.value : undefined, ast);
  },
});

function parseLanguageTag(value: unknown, node?: ValueNode): Lang {
  const lang = typeof value === "string" ? langOfTag(value) : null;
  if (lang === null) {
    throw new InputError(
      `Unknown language ${JSON.stringify(value ?? null)} for argument "lang": use one of ${FALLBACK_ORDER.join(", ")}`,
      "lang",
      node,
    );
  }
  return lang;
}

/** What a connection's `lang` argument means, where its NAME order reads it. */
export const NAME_ORDER_LANG =
  "The language NAME_ASC and NAME_DESC order by; default: the request's language (Accept-Language, else English).";

/**
 * The client's preferred language from an `Accept-Language` header, honouring
 * q-values; English when the header names none the hub knows (negotiation never fails).
 */
export function negotiateLang(header: string | undefined): Lang {
  if (!header) return Lang.EN;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { lang: langOfTag(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.lang !== null && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.lang ?? Lang.EN;
}

/** Names of one thing, by language; a missing language is null. */
export type Names = Readonly<Record<Lang, string | null>>;

@ObjectType({ description: "A name in the language asked for, or in a fallback when the hub has none in it." })
export class LocalizedName {
  @Field(() => String)
  text: string;

  @Field(() => Lang, { description: "The language `text` is in." })
  lang: Lang;

  @Field(() => Lang, { description: "The language that was asked for (argument, else Accept-Language, else en)." })
  requestedLang: Lang;

  @Field(() => Boolean, { description: "True when the hub has no name in `requestedLang` and `text` is a fallback." })
  fallback: boolean;
}

/** The name in `requested`, else English, else the first known; null when no name exists at all. */
/** The languages a name in `requested` falls back to, in order: it first, then English and the rest. */
export function fallbackChain(requested: Lang): readonly Lang[] {
  return [requested, ...FALLBACK_ORDER.filter((lang) => lang !== requested)];
}

export function pickName(names: Names, requested: Lang): LocalizedName | null {
  for (const lang of fallbackChain(requested)) {
    const text = names[lang];
    if (text) return Object.assign(new LocalizedName(), { text, lang, requestedLang: requested, fallback: lang !== requested });
  }
  return null;
}

/**
 * `pickName` for a row a lean read may have brought with only some of its names
 * (`nameColumns`): the name in `requested` when the row has one, else every name of
 * the whole row, which `whole` loads when the read left names out.
 */
export function pickNameOf(
  row: Partial<NameRow>,
  requested: Lang,
  whole: () => Promise<NameRow | null>,
): LocalizedName | null | Promise<LocalizedName | null> {
  const property = NAME_PROPERTY[requested];
  const text = property in row ? row[property] : null;
  if (text) return Object.assign(new LocalizedName(), { text, lang: requested, requestedLang: requested, fallback: false });
  // A lean row lacks the names its read left out (`in` asks without reading them).
  if (isWholeNameRow(row)) return pickName(namesOf(row), requested);
  return whole().then((full) => pickName(namesOf(full ?? { ...NO_NAMES, ...row }), requested));
}

function isWholeNameRow(row: Partial<NameRow>): row is NameRow {
  return Object.values(NAME_PROPERTY).every((property) => property in row);
}

const NO_NAMES: NameRow = { nameEn: null, nameZh: null, nameKo: null, nameJa: null, nameRu: null, nameMn: null };

/** Each language's name property of a row with names in the six languages. */
export const NAME_PROPERTY: Readonly<Record<Lang, keyof NameRow>> = {
  [Lang.EN]: "nameEn",
  [Lang.ZH]: "nameZh",
  [Lang.KO]: "nameKo",
  [Lang.JA]: "nameJa",
  [Lang.RU]: "nameRu",
  [Lang.MN]: "nameMn",
};

/** A row with a name in each of the six languages (`SixLanguageNames`). */
export interface NameRow {
  nameEn: string | null;
  nameZh: string | null;
  nameKo: string | null;
  nameJa: string | null;
  nameRu: string | null;
  nameMn: string | null;
}

/** Reads `name_en` … `name_mn` style properties into a Names record. */
export function namesOf(row: NameRow): Names {
  return { en: row.nameEn, zh: row.nameZh, ko: row.nameKo, ja: row.nameJa, ru: row.nameRu, mn: row.nameMn };
}

/** Names kept in English and Chinese only (committees, partners, departments, events: the report's languages). */
export function namesEnZh(nameEn: string | null, nameZh: string | null): Names {
  return { en: nameEn, zh: nameZh, ko: null, ja: null, ru: null, mn: null };
}
