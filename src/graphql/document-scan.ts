import { Lexer, Source, TokenKind } from "graphql";
import type { Token } from "graphql";

export interface DocumentScan {
  tokens: number;
  /**
   * The most times one response name (a field's alias, or its name) appears in one
   * selection set, inline fragments' fields counted with the set they sit in.
   */
  repeatedFields: number;
}

/**
 * One pass of GraphQL's lexer over a document, before it is parsed or validated: its
 * tokens, and how often a selection set repeats one field. Validation compares the
 * fields of a selection set that share a response name pair by pair (the rule that
 * fields can be merged), so a document of one field written a thousand times takes a
 * million comparisons while staying under the token limit; counted here, it is refused
 * before validation starts. A lexing error stops the count: the parser reports it.
 */
export function scanDocument(query: string): DocumentScan {
  const lexer = new Lexer(new Source(query));
  /** One map of response names per open selection set; an inline fragment's braces share their set's map. */
  const sets: Map<string, number>[] = [];
  let tokens = 0;
  let repeatedFields = 0;
  let parens = 0;
  /** The previous significant token and the one before it. */
  let previous: Token | null = null;
  let beforePrevious: Token | null = null;
  /** Inside `... on Type @dir(...)`, until its `{`: that brace continues the current set. */
  let inlineFragment = false;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens++;
      const set = sets.at(-1);
      if (token.kind === TokenKind.PAREN_L) parens++;
      else if (token.kind === TokenKind.PAREN_R) parens--;
      else if (parens === 0) {
        if (token.kind === TokenKind.SPREAD) inlineFragment = true;
        else if (token.kind === TokenKind.BRACE_L) {
          sets.push(inlineFragment && set ? set : new Map());
          inlineFragment = false;
        } else if (token.kind === TokenKind.BRACE_R) sets.pop();
        else if (token.kind === TokenKind.NAME && set && !inlineFragment && previous?.kind !== TokenKind.AT) {
          // `alias: field`: the alias is the response name, and the field's name after the colon is not counted again.
          const afterAlias = previous?.kind === TokenKind.COLON && beforePrevious?.kind === TokenKind.NAME;
          if (!afterAlias) {
            const count = (set.get(token.value) ?? 0) + 1;
            set.set(token.value, count);
            if (count > repeatedFields) repeatedFields = count;
          }
        } else if (token.kind === TokenKind.NAME && inlineFragment && previous?.kind === TokenKind.SPREAD && token.value !== "on") {
          // `...FragmentName`: a spread, not an inline fragment.
          inlineFragment = false;
        }
      }
      beforePrevious = previous;
      previous = token;
    }
  } catch {
    // A lexing error is the parser's to report, with its location.
  }
  return { tokens, repeatedFields };
}
