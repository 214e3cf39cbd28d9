/**
 * Builds the hub only when its build is missing or older than its sources: `npm start`,
 * the CLIs and the tests run this first, so a command after `npm ci` (whose `prepare`
 * builds) or after an unchanged checkout starts at once. Plain JavaScript, run before
 * any build. `--stamp`: the build's last step, recording that the build is complete.
 * `--then <built file> [its arguments]`: runs that file in this process once the build
 * is fresh (`npm start`: one Node process, with the Node flags given to this one).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", ".built");

/** What the build reads: a change to any of these makes the build stale. */
const SOURCES = ["src", "migrations", "seeds", "scripts", "bench", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

/** The latest modification time under `path`, in milliseconds. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

if (process.argv.includes("--stamp")) {
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
} else {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((source) => newest(join(root, source))));
  if (changed > built) {
    console.error(built === 0 ? "near-data-hub: building (first run)…" : "near-data-hub: building (sources changed since the last build)…");
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const result = spawnSync(npm, ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const then = process.argv.indexOf("--then");
if (then !== -1) {
  const entry = join(root, process.argv[then + 1]);
  // The entry reads its own arguments from process.argv, as if started on its own.
  process.argv.splice(1, then + 1, entry);
  await import(pathToFileURL(entry).href);
}
