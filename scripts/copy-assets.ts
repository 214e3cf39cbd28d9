/**
 * The second half of `npm run build`: copies what the hub reads at run time, beside
 * the compiled code, so `dist/` runs on its own (and a packed tarball carries it):
 * the extraction's CSV files and the explorer's HTML, script, style and examples.
 */
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");

const copies: [from: string, to: string][] = [
  [join(root, "seeds", "near-2020"), join(dist, "seeds", "near-2020")],
  [join(root, "src", "http", "graphiql"), join(dist, "src", "http", "graphiql")],
  [join(root, "src", "http", "dashboard"), join(dist, "src", "http", "dashboard")],
];
for (const [from, to] of copies) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}
