import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * glibc hands allocations of 32 MB and more their own mapping, always. Smaller ones
 * are mapped only above a threshold that starts at 128 KB and rises to the size of any
 * mapped block freed (up to 32 MB). A file read whole and dropped once used (PGlite's
 * engine, the start-up image) raises it to its size: from then on blocks up to that
 * size come from the threads' malloc heaps, which keep what is freed in them, and the
 * embedded hub stays larger for the rest of its life. V8's compilers' own freed blocks
 * still raise it somewhat; only `MALLOC_MMAP_THRESHOLD_` in the environment fixes that
 * (docs/deploy.md).
 */
const ALWAYS_MAPPED = 32 * 1024 * 1024 + 1;

/**
 * A file's bytes, read into a block large enough to be mapped whatever the file's
 * size, so that freeing it gives it back to the system and leaves the threshold
 * where it was. Only the file's pages are touched: the rest of the block is address
 * space, not memory.
 */
export function readFileWhole(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const block = Buffer.alloc(Math.max(size, ALWAYS_MAPPED));
    for (let read = 0; read < size; ) {
      const got = readSync(fd, block, read, size - read, read);
      if (got === 0) throw new Error(`${path} ended after ${read} of its ${size} bytes`);
      read += got;
    }
    return block.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}
