import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The repository root: test files run from their sources, two folders below it. */
export const REPO_ROOT = join(__dirname, "..", "..");

/** Every TypeScript file under src/, as a path from the repository root ("src/…"), with its text; sorted. */
export function sourceFiles(): { path: string; text: string }[] {
  return readdirSync(join(REPO_ROOT, "src"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .sort()
    .map((file) => ({ path: `src/${file}`, text: readFileSync(join(REPO_ROOT, "src", file), "utf8") }));
}

/** The built hub (`npm test` builds it first), as a newcomer runs it. */
export const BUILT_MAIN = join(REPO_ROOT, "dist", "src", "main.js");
