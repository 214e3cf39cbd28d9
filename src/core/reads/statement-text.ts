/** Statement texts of query builders, remembered by what makes them. */
import { LRUCache } from "lru-cache";
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { rootOf } from "../scoped-source";

/**
 * What makes a query builder's statement text, as one string: its entity and alias,
 * selections, joins, conditions, order and limit; the parameters' values are not in
 * the text (`:name` stays until `escapeQueryWithParameters`). Null for a query using
 * anything else (grouping, locks, brackets…): its text is built each time.
 *
 * It reads TypeORM's `expressionMap`, which TypeORM does not document: listed in
 * docs/internals.md, whose guard test fails when TypeORM adds a field to it.
 */
function textKeyOf(query: SelectQueryBuilder<ObjectLiteral>): string | null {
  const map = query.expressionMap;
  const plain =
    map.groupBys.length === 0 &&
    map.havings.length === 0 &&
    map.commonTableExpressions.length === 0 &&
    map.lockMode === undefined &&
    !map.selectDistinct &&
    map.selectDistinctOn.length === 0 &&
    map.offset === undefined &&
    map.skip === undefined &&
    map.take === undefined &&
    !map.withDeleted &&
    !map.subQuery &&
    !map.timeTravel &&
    map.maxExecutionTime === 0 &&
    map.extraAppendedAndWhereCondition === "" &&
    map.relationIdAttributes.length === 0 &&
    map.aliasNamePrefixingEnabled &&
    map.disableEscaping &&
    map.mainAlias?.hasMetadata === true;
  if (!plain) return null;
  const parts: unknown[] = [map.mainAlias!.metadata.name, map.mainAlias!.name, map.limit, map.comment];
  for (const select of map.selects) parts.push("s", select.selection, select.aliasName);
  for (const join of map.joinAttributes) {
    if (typeof join.condition !== "string" && join.condition !== undefined) return null;
    const target = join.alias.hasMetadata ? join.alias.metadata.name : String(join.entityOrProperty);
    parts.push("j", join.direction, target, join.alias.name, join.condition, join.mapToProperty, join.isMappingMany);
  }
  for (const where of map.wheres) {
    if (typeof where.condition !== "string") return null;
    parts.push("w", where.type, where.condition);
  }
  for (const [sql, order] of Object.entries(map.orderBys)) {
    parts.push("o", sql, typeof order === "string" ? order : `${order.order} ${order.nulls ?? ""}`);
  }
  return parts.join("\u0000");
}

/** At most this many statement texts per database: clients choose filters and orders, so the cache must stay bounded. */
const MAX_TEXTS = 500;
const texts = new WeakMap<DataSource, LRUCache<string, string>>();
/** Set by the api tests: every cached text is checked against the one TypeORM builds, so a missed part of the key fails loudly. */
let checkTexts = false;

/** Makes `statementTextOf` check every text it remembers against a fresh build (the tests turn it on). */
export function setStatementTextCheck(enabled: boolean): void {
  checkTexts = enabled;
}

/**
 * The query's statement text with its `:name` parameters, as `getQuery()` builds it,
 * remembered per database by what makes it (`textKeyOf`): a page asked again with
 * other values but the same filters, order and columns skips TypeORM's build.
 */
export function statementTextOf(query: SelectQueryBuilder<ObjectLiteral>): string {
  const key = textKeyOf(query);
  if (key === null) return query.getQuery();
  const root = rootOf(query.connection);
  let byKey = texts.get(root);
  if (!byKey) texts.set(root, (byKey = new LRUCache({ max: MAX_TEXTS })));
  const known = byKey.get(key);
  if (known === undefined) {
    const text = query.getQuery();
    byKey.set(key, text);
    return text;
  }
  if (checkTexts && known !== query.getQuery()) {
    throw new Error(`A remembered statement text differs from TypeORM's for the same key: ${query.getQuery()}`);
  }
  return known;
}
