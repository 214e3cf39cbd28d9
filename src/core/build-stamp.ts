import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The build the hub runs from: `dist/.built`, which the build writes last
 * (scripts/fresh.mjs). Null when it runs from source (the tests), where there is none.
 */
export function buildStamp(): string | null {
  try {
    return readFileSync(join(__dirname, "..", "..", ".built"), "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
