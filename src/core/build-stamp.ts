import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The compiled hub (`dist/src`) and, inside it (so the packed package carries it), the digest of its code the build writes. */
const CODE_FOLDER = join(__dirname, "..");
const STAMP_FILE = join(CODE_FOLDER, "code-digest.txt");

/**
 * The build the hub runs from: the digest of its compiled code, which the build writes
 * (`stampBuild`, in scripts/build-image.ts) to `dist/src/code-digest.txt`. Null when it runs from source (the tests),
 * where no build is.
 */
export function buildStamp(): string | null {
  try {
    return readFileSync(STAMP_FILE, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Writes the digest of the compiled code beside it, and returns it: two builds of the same code share it. */
export function stampBuild(): string {
  const hash = createHash("sha256");
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) hash.update(path.slice(CODE_FOLDER.length)).update("\u0000").update(readFileSync(path));
    }
  };
  walk(CODE_FOLDER);
  const digest = hash.digest("hex").slice(0, 32);
  writeFileSync(STAMP_FILE, `${digest}\n`);
  return digest;
}
