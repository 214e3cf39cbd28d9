import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
} from "graphql";
import type { GraphQLArgument, GraphQLCompositeType, GraphQLInputType, GraphQLSchema } from "graphql";

/** A deterministic stream of numbers in [0, 1): the same seed gives the same operations on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Values a generated argument takes, by argument name first, then by type: real ones and edges, and some the hub refuses. */
export interface ValuePools {
  /** Global ids of real objects, for `node(id:)` and `nodes(ids:)`. */
  ids: readonly string[];
  /** Dates inside the calendar, its first and last day among them. */
  dates: readonly string[];
  /** Years inside the calendar. */
  years: readonly number[];
  /** Recorded instants up to now, for `asKnownOn`. */
  instants: readonly string[];
  /** Dates and years outside the calendar, which the hub refuses: one value in ten is one of these. */
  refused: { dates: readonly string[]; years: readonly number[] };
}

const CURSORS = new Set(["after", "before"]);
const PAGES = new Set(["first", "last"]);

const STRINGS_BY_NAME: Readonly<Record<string, readonly string[]>> = {
  currency: ["USD", "KRW", "JPY"],
  total: ["1000000", "250000"],
  slug: ["jp-akita", "kr-gyeongsangbuk-do", "ru-sakha", "mn-tov", "general-assembly"],
  code: ["KR", "JP", "CN", "RU", "MN", "KP"],
  lang: ["en", "ko", "ja", "zh", "ru", "mn"],
  search: ["a", "Aki", "道", "%", "_"],
};

/**
 * Generates GraphQL operations a client may send, from the schema: fields picked at
 * random with arguments from real values (and edges: the largest page, far dates, far
 * years, variables left at their defaults), aliases, inline fragments on interfaces and
 * unions. Every field with a required argument it cannot fill is left out.
 */
export class OperationGenerator {
  private variables: string[] = [];
  /** One recorded instant for the whole operation, or none: the hub reads one time per request. */
  private knownOn: string | null = null;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly pools: ValuePools,
    private readonly random: () => number,
  ) {}

  /** Fields picked from a type: a few, sometimes many. */
  private width(): number {
    return 1 + Math.floor(this.random() * (this.chance(0.3) ? 8 : 3));
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A query: its text, and nothing to send but the text (variables are left at their defaults). */
  query(maxDepth = 6): string {
    this.variables = [];
    this.knownOn = this.chance(0.2) ? this.pick(this.pools.instants) : null;
    const root = this.schema.getQueryType()!;
    const body = this.selection(root, maxDepth, this.width());
    const header = this.variables.length > 0 ? `(${this.variables.join(", ")})` : "";
    return `query Generated${header} ${body}`;
  }

  private selection(type: GraphQLCompositeType, depth: number, width: number): string {
    if (isUnionType(type) || isInterfaceType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      const chosen = this.pick(possible);
      const shared = isInterfaceType(type) ? this.fields(type, depth, Math.max(1, width - 1)) : [];
      return `{ __typename ${shared.join(" ")} ... on ${chosen.name} ${this.selection(chosen, depth, width)} }`;
    }
    const fields = this.fields(type, depth, width);
    return `{ ${fields.length > 0 ? fields.join(" ") : "__typename"} }`;
  }

  private fields(type: GraphQLCompositeType, depth: number, width: number): string[] {
    if (isUnionType(type)) return [];
    const candidates = Object.values(type.getFields()).filter((field) => {
      const named = getNamedType(field.type);
      if (!isLeafType(named) && depth <= 1) return false;
      return field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined || this.canFill(arg.type));
    });
    const chosen: string[] = [];
    for (let i = 0; i < width && candidates.length > 0; i++) {
      const field = candidates.splice(Math.floor(this.random() * candidates.length), 1)[0];
      let paged = false;
      const args = field.args.flatMap((arg) => {
        const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
        if (arg.name === "asKnownOn") return this.knownOn === null ? [] : [`asKnownOn: ${JSON.stringify(this.knownOn)}`];
        // Cursors come from an earlier answer; and a page is `first` or `last`, not both.
        if (!required && (CURSORS.has(arg.name) || (PAGES.has(arg.name) && paged) || !this.chance(PAGES.has(arg.name) ? 0.8 : 0.3))) {
          return [];
        }
        if (PAGES.has(arg.name)) paged = true;
        return [`${arg.name}: ${this.argument(arg)}`];
      });
      const named = getNamedType(field.type);
      const selection = isLeafType(named) ? "" : ` ${this.selection(named as GraphQLCompositeType, depth - 1, this.width())}`;
      const written = `${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""}${selection}`;
      chosen.push(written);
      // The same field again under an alias: aliases multiply what one document asks.
      if (this.chance(0.15)) chosen.push(`a${chosen.length}: ${written}`);
    }
    return chosen;
  }

  private canFill(type: GraphQLInputType): boolean {
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      return Object.values(named.getFields()).every(
        (field) => !isNonNullType(field.type) || field.defaultValue !== undefined || this.canFill(field.type),
      );
    }
    if (named.name === "ID") return this.pools.ids.length > 0;
    return true;
  }

  private argument(arg: GraphQLArgument): string {
    const nullable = getNullableType(arg.type);
    // An Int left to a variable's default: it must be priced as it will run.
    if (!isListType(nullable) && getNamedType(arg.type).name === "Int" && this.chance(0.3)) {
      const name = `v${this.variables.length}`;
      this.variables.push(`$${name}: Int = ${this.scalar(arg.name, "Int")}`);
      return `$${name}`;
    }
    return this.value(arg.name, arg.type);
  }

  private value(name: string, type: GraphQLInputType): string {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const count = name === "ids" ? 1 + Math.floor(this.random() * 5) : 1 + Math.floor(this.random() * 2);
      return `[${Array.from({ length: count }, () => this.value(name, nullable.ofType)).join(", ")}]`;
    }
    const named = getNamedType(type);
    if (isEnumType(named)) return this.pick(named.getValues()).name;
    if (isInputObjectType(named)) {
      const fields = Object.values(named.getFields()).flatMap((field) => {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        return required || this.chance(0.4) ? [`${field.name}: ${this.value(field.name, field.type)}`] : [];
      });
      return `{ ${fields.join(", ")} }`;
    }
    return this.scalar(name, named.name);
  }

  private scalar(name: string, type: string): string {
    switch (type) {
      case "Int":
        if (name === "first" || name === "last") return String(this.pick([0, 1, 5, 20, 100, 100, 100]));
        if (name === "from" || name === "to" || /year/i.test(name)) {
          return String(this.pick(this.chance(0.1) ? this.pools.refused.years : this.pools.years));
        }
        return String(this.pick([1, 2, 2020]));
      case "Float":
        return this.pick(["0", "1.5"]);
      case "Boolean":
        return this.pick(["true", "false"]);
      case "Date":
        return JSON.stringify(this.pick(this.chance(0.1) ? this.pools.refused.dates : this.pools.dates));
      case "Instant":
        return JSON.stringify(this.pick(this.pools.instants));
      case "ID":
        return JSON.stringify(this.pick(this.pools.ids));
      default:
        return JSON.stringify(this.pick(STRINGS_BY_NAME[name] ?? ["Akita", "x"]));
    }
  }
}
