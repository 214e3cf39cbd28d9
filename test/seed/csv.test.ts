import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cell, readCsv } from "../../src/seed/csv";

/** One folder for this file's CSV files, removed after them (each run left one per file behind). */
const folder = mkdtempSync(join(tmpdir(), "near-csv-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let written = 0;

function csvFile(text: string): string {
  const file = join(folder, `t${++written}.csv`);
  writeFileSync(file, text);
  return file;
}

describe("readCsv (the extraction's CSV files)", () => {
  it("reads quoted fields, doubled quotes, newlines and commas inside quotes, CRLF, a BOM, and trims cells", () => {
    const text = '\uFEFFid,name_zh,note\r\n kr-gyeongbuk ,庆尚北道,"says ""hello"", twice"\r\njp-akita,秋田县,"two\nlines"\r\n';
    expect(readCsv(csvFile(text))).toEqual([
      { id: "kr-gyeongbuk", name_zh: "庆尚北道", note: 'says "hello", twice' },
      { id: "jp-akita", name_zh: "秋田县", note: "two\nlines" },
    ]);
  });

  it("refuses a row whose field count differs from the header's", () => {
    expect(() => readCsv(csvFile("a,b\n1,2,3\n"))).toThrow(/Invalid Record Length/);
  });

  it("gives null for an empty cell and refuses an unknown column", () => {
    const [row] = readCsv(csvFile("a,b\n1,\n"));
    expect(cell(row, "b")).toBeNull();
    expect(cell(row, "a")).toBe("1");
    expect(() => cell(row, "c")).toThrow('CSV has no column "c"');
  });
});
