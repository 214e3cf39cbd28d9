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
 * A reason whose sentence is written only when someone reads it: a client asking for
 * `reasons { code }` of 82 governments, or a rule that looks at many years to decide
 * one, never pays for the formatting. A class, not an object literal with a getter:
 * V8 gives a class's instances one shape and builds them far faster, and a rule makes
 * hundreds per request. `toJSON` writes the sentence for JSON (the reporting
 * tables, logs).
 */
class LazyReason implements Reason {
  readonly #write: () => string;
  #written: string | undefined;

  constructor(
    readonly code: string,
    readonly article: string,
    write: () => string,
  ) {
    this.#write = write;
  }

  get message(): string {
    this.#written ??= this.#write();
    return this.#written;
  }

  toJSON(): Reason {
    return { code: this.code, article: this.article, message: this.message };
  }
}

/** A reason; `message` may be a function, written only when the message is read. */
export function reason(code: string, article: string, message: string | (() => string)): Reason {
  return typeof message === "string" ? { code, article, message } : new LazyReason(code, article, message);
}

/** The same reason under another article, its sentence still written only when read. */
export function withArticle(original: Reason, article: string): Reason {
  return original instanceof LazyReason ? new LazyReason(original.code, article, () => original.message) : { ...original, article };
}
