/**
 * The third step of `npm run build`: the embedded database's start-up image
 * (src/db/embedded/image.ts). A fresh in-memory PGlite is migrated with the built
 * migrations and seeded with the 2020 facts, and its data folder written beside the
 * build as a gzipped tar file with the manifest of what made it. Skipped when the
 * image there already matches this build (most builds change no migration or seed).
 */
import "reflect-metadata";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createDataSource } from "../src/db/data-source";
import { dumpEmbedded } from "../src/db/embedded/driver";
import { IMAGE_DIR, IMAGE_FILE, currentManifest, imageManifest, sameManifest } from "../src/db/embedded/image";
import { seed2020 } from "../src/seed/seed";
import { join } from "node:path";

async function main(): Promise<void> {
  const manifest = currentManifest();
  const existing = imageManifest();
  if (existing && sameManifest(existing, manifest)) return;
  const started = performance.now();
  const dataSource = createDataSource({ kind: "pglite", dataDir: null }, { embedded: { worker: false } });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: "each" });
  await seed2020(dataSource);
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
