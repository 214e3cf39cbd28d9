/**
 * The third step of `npm run build`: the digest of the compiled code (the build's
 * stamp, src/core/build-stamp.ts), then the embedded database's start-up image
 * (src/db/embedded/image.ts). A fresh in-memory PGlite is migrated with the built
 * migrations, seeded with the 2020 facts and its reporting tables filled by this build,
 * and its data folder written beside the build as a gzipped tar file with the manifest
 * of what made it (the code's digest among it): a first start from it has nothing to
 * recompute. Skipped when the image there already matches this build.
 */
import "reflect-metadata";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadConfig } from "../src/config";
import { buildStamp, stampBuild } from "../src/core/build-stamp";
import { todayUtc } from "../src/core/dates";
import { createDataSource } from "../src/db/data-source";
import { dumpEmbedded } from "../src/db/embedded/driver";
import { IMAGE_DIR, IMAGE_FILE, currentManifest, imageManifest, sameManifest } from "../src/db/embedded/image";
import { refreshReporting } from "../src/modules/reporting";
import { seed2020 } from "../src/seed/seed";
import { join } from "node:path";

async function main(): Promise<void> {
  stampBuild();
  const manifest = currentManifest();
  const existing = imageManifest();
  if (existing && sameManifest(existing, manifest)) return;
  const started = performance.now();
  const dataSource = createDataSource({ kind: "pglite", dataDir: null }, { embedded: { worker: false } });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await seed2020(dataSource);
  // The first start's calendar, with the default CALENDAR_YEARS_AHEAD: it then finds the tables current.
  await refreshReporting(dataSource.manager, { today: todayUtc(), yearsAhead: loadConfig({}, []).calendarYearsAhead, build: buildStamp() });
  const tar = await dumpEmbedded(dataSource);
  await dataSource.destroy();
  rmSync(IMAGE_DIR, { recursive: true, force: true });
  mkdirSync(IMAGE_DIR, { recursive: true });
  writeFileSync(IMAGE_FILE, gzipSync(tar));
  writeFileSync(join(IMAGE_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`embedded database image built in ${seconds} s: ${IMAGE_FILE} (${manifest.migrations.length} migrations, 2020 seeds)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
