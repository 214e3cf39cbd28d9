import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFileWhole } from "../../src/db/embedded/whole-read";

/**
 * `readFileWhole` (src/db/embedded/whole-read.ts): a file's bytes, exactly, in a block
 * of at least 32 MB + 1 byte, the size glibc always gives its own mapping, so freeing
 * it never raises malloc's mapping threshold.
 */
describe("a file read whole", () => {
  const folder = mkdtempSync(join(tmpdir(), "near-whole-read-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each([
    ["empty", 0],
    ["one byte", 1],
    ["a few pages", 3 * 4096 + 17],
    ["larger than the block's minimum", 32 * 1024 * 1024 + 5],
  ])("%s: the same bytes as readFileSync, in a block always mapped", (_name, size) => {
    const file = join(folder, `f${size}`);
    const content = Buffer.alloc(size);
    for (let i = 0; i < size; i++) content[i] = (i * 31) & 255;
    writeFileSync(file, content);
    const read = readFileWhole(file);
    expect(read.equals(readFileSync(file))).toBe(true);
    expect(read.buffer.byteLength).toBeGreaterThan(32 * 1024 * 1024);
  });

  it("names the file when it cannot be read", () => {
    expect(() => readFileWhole(join(folder, "missing"))).toThrow(/missing/);
  });
});
