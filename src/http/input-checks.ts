/**
 * Checks of what a client sends that need no parsing of GraphQL, run before anything
 * walks the input recursively: how deep its values nest, and characters PostgreSQL
 * cannot store (NUL) or that are no character at all (a lone UTF-16 surrogate, which a
 * JSON escape like `\ud800` can make). Each refusal names where the bad value is.
 */

/** How deep a request's variables may nest: the schema's deepest input is a few levels; a client never needs more. */
export const MAX_INPUT_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface InputProblem {
  message: string;
  /** Where: `variables.input.nameEn`, `query`, a query parameter's name. */
  argumentName: string;
}

function describe(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A string's problem, if it has one: a NUL or a lone surrogate. */
export function stringProblem(text: string, where: string): InputProblem | null {
  if (text.includes("\u0000")) {
    return { message: `${where} contains the NUL character (U+0000), which the database cannot store: remove it.`, argumentName: where };
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return {
      message: `${where} contains a lone surrogate (${describe(lone[0])} at position ${lone.index}), which is no character: send valid UTF-16 text.`,
      argumentName: where,
    };
  }
  return null;
}

/**
 * How deep a JSON text nests its arrays and objects, read without building anything
 * (so a text nested thousands deep costs a scan, not a stack); stops counting past `limit`.
 */
export function jsonTextDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * The first problem of a request's variables (already parsed), walked with a stack of
 * its own rather than recursion: too deep, or a string with a NUL or a lone surrogate.
 */
export function variablesProblem(variables: unknown): InputProblem | null {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: "variables", depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === "string") {
      const problem = stringProblem(value, path);
      if (problem) return problem;
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_INPUT_DEPTH) {
        return {
          message: `The variables nest deeper than ${MAX_INPUT_DEPTH} levels (at ${path}): no input of this API is that deep.`,
          argumentName: path,
        };
      }
      const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
      for (const [key, item] of entries) {
        pending.push({ value: item, path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth: depth + 1 });
      }
    }
  }
  return null;
}
