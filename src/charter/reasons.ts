/**
 * Every answer of the charter module comes with the reasons that produced it, each
 * naming its article, so a client can show why and not only what.
 */
export interface Reason {
  /** Stable, machine-readable: DUES_ARREARS, ASSOCIATE_NO_VOTE, … */
  code: string;
  /** Where the rule is written: "Charter Art. 9(1)", "Dues Reg. Art. 6", … */
  article: string;
  /** A sentence a person can read, with the figures that decided it. */
  message: string;
}

/**
 * A reason. `message` may be a function: the sentence is then written only when
 * someone reads it (a client asking for `reasons { code }` of 82 governments, or a
 * rule that looks at many years to decide one, never pays for the formatting).
 */
export function reason(code: string, article: string, message: string | (() => string)): Reason {
  if (typeof message === "string") return { code, article, message };
  let written: string | undefined;
  return {
    code,
    article,
    get message() {
      written ??= message();
      return written;
    },
  };
}
