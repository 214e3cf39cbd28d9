import { stringify } from "csv-stringify";
import type { Stringifier } from "csv-stringify";

/** What makes a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV stream for an export: a header row, UTF-8 with a byte-order mark (so
 * spreadsheets read the six languages), booleans as `true`/`false`. A text cell that
 * would start a formula is written after a `'`, as OWASP's CSV injection guidance says:
 * a spreadsheet would run it, and the leading quote keeps it text.
 */
export function csvWriter(columns: readonly string[]): Stringifier {
  return stringify({
    header: true,
    columns: [...columns],
    bom: true,
    cast: {
      boolean: (value) => (value ? "true" : "false"),
      string: (value) => (FORMULA_START.test(value) ? `'${value}` : value),
    },
  });
}
