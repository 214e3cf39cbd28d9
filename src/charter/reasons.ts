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

export function reason(code: string, article: string, message: string): Reason {
  return { code, article, message };
}
