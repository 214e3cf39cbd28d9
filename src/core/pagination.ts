import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import type { ClassType } from "type-graphql";
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { countRows } from "./reads/lean-many";
import type { PageRows } from "./reads/lean-many";
import { InputError } from "./errors";

/** The largest page a client may ask for: enough for the whole association (82 governments) in one page. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the start (or after \`after\`), at most ${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "An `endCursor` from an earlier page." })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Page size from the end (or before \`before\`), at most ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: "A `startCursor` from an earlier page." })
  before?: string | null;
}

@ObjectType({ description: "Where a page sits in the whole list (Relay cursor connections)." })
class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection resolver returns; `totalCount` runs its query only if asked for. */
export interface ConnectionValue<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string): ClassType<ConnectionValue<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String, { description: "Opaque; pass it as `after` or `before`." })
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => [nodeType], { description: "The nodes of `edges`, for clients that need no cursors." })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    totalCount: () => Promise<number>;

    @Field(() => Int, { name: "totalCount", description: "Items in the whole filtered list, on every page." })
    totalCountField(): Promise<number> {
      return this.totalCount();
    }
  }
  return ConnectionType;
}

/** One column of a keyset ordering: its SQL expression (never NULL) and the same value read from a row. */
interface OrderKey<T> {
  sql: string;
  value: (row: T) => string | number;
}

export interface Ordering<T> {
  /** Names the ordering inside cursors, so a cursor is refused under another ordering. */
  name: string;
  descending: boolean;
  /** Must end with a unique key (the primary key) so the order is total and deterministic. */
  keys: readonly OrderKey<T>[];
}

interface CursorPayload {
  o: string;
  k: (string | number)[];
}

function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

function decodeCursor<T>(cursor: string, ordering: Ordering<T>, argumentName: string): (string | number)[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    payload = null;
  }
  const shaped =
    typeof payload === "object" &&
    payload !== null &&
    typeof (payload as CursorPayload).o === "string" &&
    Array.isArray((payload as CursorPayload).k) &&
    (payload as CursorPayload).k.every((v) => typeof v === "string" || typeof v === "number");
  if (!shaped || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw new InputError(`Malformed cursor in argument "${argumentName}": pass a cursor this list returned`, argumentName);
  }
  const { o, k } = payload as CursorPayload;
  if (o !== ordering.name) {
    throw new InputError(
      `The cursor in argument "${argumentName}" belongs to ordering ${o}, not ${ordering.name}: cursors only work with the ordering that made them`,
      argumentName,
    );
  }
  if (k.length !== ordering.keys.length) {
    throw new InputError(`Malformed cursor in argument "${argumentName}": pass a cursor this list returned`, argumentName);
  }
  return k;
}

function checkPageSize(value: number | null | undefined, argumentName: string): void {
  if (value === null || value === undefined) return;
  if (value < 0 || value > MAX_PAGE_SIZE) {
    throw new InputError(`Argument "${argumentName}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, argumentName);
  }
}

function compareTuples(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/**
 * The same connection over rows already in memory (a list the charter computes,
 * such as the members with voting rights on a day), ordered by `ordering` in JS.
 * String keys compare by UTF-16 code units, as `COLLATE "C"` does in SQL.
 */
export function paginateList<T>(rows: readonly T[], ordering: Ordering<T>, args: PageArgs): ConnectionValue<T> {
  checkPageSize(args.first, "first");
  checkPageSize(args.last, "last");
  if (args.first != null && args.last != null) throw new InputError('Give either "first" or "last", not both', "last");
  const after = args.after ? decodeCursor(args.after, ordering, "after") : null;
  const before = args.before ? decodeCursor(args.before, ordering, "before") : null;
  const direction = ordering.descending ? -1 : 1;
  const tuple = (row: T) => ordering.keys.map((key) => key.value(row));
  let window = [...rows].sort((a, b) => direction * compareTuples(tuple(a), tuple(b)));
  if (after) window = window.filter((row) => direction * compareTuples(tuple(row), after) > 0);
  if (before) window = window.filter((row) => direction * compareTuples(tuple(row), before) < 0);

  const backwards = args.last != null || (args.first == null && before !== null && after === null);
  const size = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  const page = backwards ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
  const hasMore = window.length > size;
  const edges = page.map((node) => ({ node, cursor: encodeCursor({ o: ordering.name, k: tuple(node) }) }));
  return {
    edges,
    nodes: page,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: backwards ? before !== null : hasMore,
      hasPreviousPage: backwards ? hasMore : after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    }),
    totalCount: async () => rows.length,
  };
}

/**
 * Runs a keyset-paginated query: rows after/before a cursor in a total order, one
 * row more than asked to learn whether another page exists. Filters are already on
 * `query`; `read` runs the finished query (`wholeRows`, or a lean read of the columns an
 * operation needs; told whether the rows its conditions hold are the list's, as they
 * are without a cursor, so its statement may count them); `totalCount`, when asked, is
 * what that statement counted, else one more statement (`countRows`).
 */
export async function paginate<T extends ObjectLiteral>(
  em: EntityManager,
  query: SelectQueryBuilder<T>,
  ordering: Ordering<T>,
  args: PageArgs,
  read: (query: SelectQueryBuilder<T>, wholeList: boolean) => Promise<PageRows<T>>,
): Promise<ConnectionValue<T>> {
  checkPageSize(args.first, "first");
  checkPageSize(args.last, "last");
  if (args.first != null && args.last != null) {
    throw new InputError('Give either "first" or "last", not both', "last");
  }
  const after = args.after ? decodeCursor(args.after, ordering, "after") : null;
  const before = args.before ? decodeCursor(args.before, ordering, "before") : null;
  const countQuery = query.clone();

  const backwards = args.last != null || (args.first == null && before !== null && after === null);
  const size = args.first ?? args.last ?? DEFAULT_PAGE_SIZE;
  const tuple = `(${ordering.keys.map((key) => key.sql).join(", ")})`;
  const bound = (name: string, values: (string | number)[]): string => {
    values.forEach((value, index) => query.setParameter(`${name}${index}`, value));
    return `(${values.map((_, index) => `:${name}${index}`).join(", ")})`;
  };
  // In ascending order "after" means a greater tuple; descending flips it.
  if (after) query.andWhere(`${tuple} ${ordering.descending ? "<" : ">"} ${bound("cursorAfter", after)}`);
  if (before) query.andWhere(`${tuple} ${ordering.descending ? ">" : "<"} ${bound("cursorBefore", before)}`);

  const scanDescending = ordering.descending !== backwards;
  ordering.keys.forEach((key, index) => {
    const direction = scanDescending ? "DESC" : "ASC";
    if (index === 0) query.orderBy(key.sql, direction);
    else query.addOrderBy(key.sql, direction);
  });
  // `limit`, not `take`: a joined one-to-one relation multiplies no rows, and take's two-step query cannot order by expressions.
  const { rows, total } = size === 0 ? { rows: [], total: null } : await read(query.limit(size + 1), after === null && before === null);
  const hasMore = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();

  const cursorOf = (node: T) => encodeCursor({ o: ordering.name, k: ordering.keys.map((key) => key.value(node)) });
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: backwards ? before !== null : hasMore,
    hasPreviousPage: backwards ? hasMore : after !== null,
    startCursor: page.length > 0 ? cursorOf(page[0]) : null,
    endCursor: page.length > 0 ? cursorOf(page[page.length - 1]) : null,
  });
  // An empty first page is an empty list; otherwise the page's statement may have counted it.
  const emptyList = size > 0 && rows.length === 0 && after === null && before === null;
  let counted: Promise<number> | null = emptyList ? Promise.resolve(0) : total === null ? null : Promise.resolve(total);
  // Every edge's cursor only for a client that asks for `edges` (most ask for `nodes`).
  let edges: Edge<T>[] | null = null;
  return {
    get edges() {
      return (edges ??= page.map((node) => ({ node, cursor: cursorOf(node) })));
    },
    nodes: page,
    pageInfo,
    totalCount: () => (counted ??= countRows(em, countQuery)),
  };
}

/** TypeORM's own entities for `query`, uncounted: the read lean reads answer as (and are compared with in the tests). */
export async function wholeEntities<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<PageRows<T>> {
  return { rows: await query.getMany(), total: null };
}

/** Escapes `%`, `_` and `\` so a client's search text matches literally inside ILIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
