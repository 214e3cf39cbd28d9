import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The repository root, found from this file whether it runs from src/ (tests) or dist/src/ (npm start). */
export function projectRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "seeds", "near-2020"))) return dir;
  }
  throw new Error(`The project root (with package.json and seeds/near-2020) is not above ${__dirname}`);
}
