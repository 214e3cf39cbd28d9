import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/**
 * Reads an RFC 4180 CSV file of the extraction into records by header. Cells are
 * trimmed; a row with more or fewer fields than the header is an error, never a guess.
 */
export function readCsv(path: string): Record<string, string>[] {
  return parse<Record<string, string>>(readFileSync(path, "utf8"), { columns: true, trim: true, skip_empty_lines: true, bom: true });
}

/** An empty cell is null: the sources leave it open, and the hub never fills it in. */
export function cell(record: Record<string, string>, column: string): string | null {
  if (!(column in record)) throw new Error(`CSV has no column "${column}"`);
  const value = record[column];
  return value === undefined || value === "" ? null : value;
}
