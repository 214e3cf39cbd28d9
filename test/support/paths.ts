import { join } from "node:path";

/** The repository root: test files run from their sources, two folders below it. */
export const REPO_ROOT = join(__dirname, "..", "..");

/** The built hub (`npm test` builds it first), as a newcomer runs it. */
export const BUILT_MAIN = join(REPO_ROOT, "dist", "src", "main.js");
