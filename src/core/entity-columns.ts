import { Column } from "typeorm";
import { Field, Int, UseMiddleware } from "type-graphql";
import type { MiddlewareFn } from "type-graphql";
import type { RequestContext } from "./context";
import { DatePrecision } from "./dates";
import { NAME_PROPERTY } from "./i18n";
import type { FieldUse } from "./reads/column-plan";

/**
 * Columns for a name kept in the six languages (en, zh, ko, ja, ru, mn). Any may be
 * empty: the sources do not give every name, and none is invented.
 */
/** The columns of `SixLanguageNames`: what a `name` field reads (`namesOf`), for lean reads' column plans. */
export const SIX_NAME_COLUMNS = ["nameEn", "nameZh", "nameKo", "nameJa", "nameRu", "nameMn"] as const;

/**
 * What a `name` field answered by `pickNameOf` reads: the request's language alone
 * when no occurrence names another (`lang:`); every language otherwise, or when the
 * read does not know the request. A row whose name in that language is empty loads
 * its other names (`pickNameOf`), which the 2020 facts never need in English.
 */
export function nameColumns(use: FieldUse | null): readonly (typeof SIX_NAME_COLUMNS)[number][] {
  return use && !use.withArguments ? [NAME_PROPERTY[use.lang]] : SIX_NAME_COLUMNS;
}

export abstract class SixLanguageNames {
  @Column({ type: "text", nullable: true })
  nameEn: string | null;

  @Column({ type: "text", nullable: true })
  nameZh: string | null;

  @Column({ type: "text", nullable: true })
  nameKo: string | null;

  @Column({ type: "text", nullable: true })
  nameJa: string | null;

  @Column({ type: "text", nullable: true })
  nameRu: string | null;

  @Column({ type: "text", nullable: true })
  nameMn: string | null;
}

/** The SQL check that a precision column holds a DatePrecision. */
export const DATE_PRECISION_CHECK = `IN (${Object.values(DatePrecision)
  .map((p) => `'${p}'`)
  .join(", ")})`;

/**
 * Decorates the shared `source` and `notes` fields of seeded facts. `privateTo`:
 * notes about people are personal data, so the field answers null for callers who
 * may not see it (the middleware decides; the column is never filtered or ordered on).
 */
export function SourceField(options: { privateTo?: MiddlewareFn<RequestContext> } = {}): PropertyDecorator {
  return (target, key) => {
    Column({ type: "text", nullable: true })(target, key);
    const what = key === "notes" ? "What the sources leave uncertain, in their words." : "Source keys (see the hub's sources list).";
    Field(() => String, {
      nullable: true,
      description: options.privateTo ? `${what} About people: SECRETARIAT and ADMIN only, null for others.` : what,
    })(target, key);
    if (options.privateTo) UseMiddleware(options.privateTo)(target, key);
  };
}

/**
 * The row's version for optimistic concurrency: a write sends back the version it
 * read and gets CONFLICT when another write came first. Starts at 1.
 */
export function VersionField(): PropertyDecorator {
  return (target, key) => {
    Column({ type: "integer", default: 1 })(target, key);
    Field(() => Int, { description: "Send it back with a write to this object; a stale one gets CONFLICT." })(target, key);
  };
}
