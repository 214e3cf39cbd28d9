import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildStamp } from "../../core/build-stamp";
import { gunzipSync } from "node:zlib";
import { readFileWhole } from "./whole-read";

/**
 * The embedded database's start-up image: a data folder migrated and seeded at build
 * time (`scripts/build-image.ts`), which an empty folder starts from instead of
 * creating a cluster, migrating and seeding (seconds on an empty folder, much of it
 * PostgreSQL's initdb in WebAssembly). It is used only when it was built from exactly
 * the migrations, seeds and PGlite this build has; otherwise the hub starts the slow way.
 */
export const IMAGE_DIR = join(__dirname, "..", "..", "..", "pglite-image");
export const IMAGE_FILE = join(IMAGE_DIR, "near-2020.tar.gz");
const MANIFEST_FILE = join(IMAGE_DIR, "manifest.json");

/** What an image was built from: if any of it differs, the image is not this build's database. */
export interface ImageManifest {
  pglite: string;
  migrations: string[];
  seeds: string;
  /** The build's code (src/core/build-stamp.ts): its reporting tables are that code's answers. */
  code: string | null;
}

/** The built migrations in order, by file name and digest: a migration edited before it ships makes a new image too. */
function builtMigrations(): string[] {
  const folder = join(__dirname, "..", "..", "..", "migrations");
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => /^\d+-.+\.js$/.test(name))
        .sort()
        .map(
          (name) =>
            `${name} ${createHash("sha256")
              .update(readFileSync(join(folder, name)))
              .digest("hex")
              .slice(0, 16)}`,
        )
    : [];
}

/** A digest of the seed files the build carries. */
function seedsDigest(): string {
  const folder = join(__dirname, "..", "..", "..", "seeds", "near-2020");
  const hash = createHash("sha256");
  for (const name of readdirSync(folder).sort())
    hash
      .update(name)
      .update("\u0000")
      .update(readFileSync(join(folder, name)));
  return hash.digest("hex");
}

/** PGlite's version, from its package.json (which its `exports` do not expose): above its entry point. */
function pgliteVersion(): string {
  for (let folder = dirname(require.resolve("@electric-sql/pglite")); folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version: string };
    if (manifest.name === "@electric-sql/pglite") return manifest.version;
  }
  throw new Error("cannot find PGlite's package.json");
}

/** The manifest an image of this build must carry. */
export function currentManifest(): ImageManifest {
  return { pglite: pgliteVersion(), migrations: builtMigrations(), seeds: seedsDigest(), code: buildStamp() };
}

/** The manifest of the image beside the build, or null when there is none. */
export function imageManifest(): ImageManifest | null {
  if (!existsSync(MANIFEST_FILE) || !existsSync(IMAGE_FILE)) return null;
  return JSON.parse(readFileSync(MANIFEST_FILE, "utf8")) as ImageManifest;
}

export function sameManifest(a: ImageManifest, b: ImageManifest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The image an empty embedded database should start from, or why not: the folder
 * is not empty (it holds a database, or something else), seeding is off, there is no
 * image, or it was built from other migrations, seeds, code or PGlite.
 */
export function startingImage(dataDir: string | null, seeding: boolean): { file: string } | { reason: string } {
  if (dataDir !== null && existsSync(dataDir) && readdirSync(dataDir).length > 0) return { reason: "the folder is not empty" };
  if (!seeding) return { reason: "seeding is off" };
  const built = imageManifest();
  if (!built) return { reason: "no image in this build" };
  if (!sameManifest(built, currentManifest())) return { reason: "the image was built from other migrations, seeds, code or PGlite" };
  return { file: IMAGE_FILE };
}

/**
 * A gzip file unpacked into one buffer of its stated size (the trailer's ISIZE), not
 * zlib's default 16 KB pieces joined at the end: the one buffer is mapped for this
 * call and given back whole to the system when freed, where the pieces, freed, stay
 * in the process's heap for the rest of its life.
 */
export function gunzipWhole(packed: Buffer): Buffer {
  const stated = packed.length >= 4 ? packed.readUInt32LE(packed.length - 4) : 0;
  return gunzipSync(packed, { chunkSize: Math.max(64 * 1024, stated + 1) });
}

/**
 * Unpacks an image (a tar file, gzipped or not, as `dumpDataDir` writes it) into
 * `dataDir`, which must be missing or empty. The files go to a sibling folder first,
 * renamed into place only when all are written: a failed restore leaves no half
 * database for the next start to trip on. Done here, not by PGlite's `loadDataDir`,
 * so the unpacking's buffers are freed with this call instead of staying in the
 * database thread's memory.
 */
export function restoreImage(imageFile: string, dataDir: string): void {
  const packed = readFileWhole(imageFile);
  unpackDataFolder(imageFile.endsWith(".gz") ? gunzipWhole(packed) : packed, dataDir);
}

/**
 * Unpacks a data folder's tar file into `dataDir` (missing or empty): into a sibling
 * folder first, renamed into place when every file is written, so a failure leaves
 * no half database behind.
 */
export function unpackDataFolder(tar: Buffer, dataDir: string): void {
  const staging = `${dataDir}.restoring-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (let offset = 0; offset + 512 <= tar.length; ) {
      const header = tar.subarray(offset, offset + 512);
      if (header.every((byte) => byte === 0)) break;
      const text = (start: number, length: number) => header.toString("utf8", start, start + length).replace(/\0.*$/s, "");
      const name = [text(345, 155), text(0, 100)].filter(Boolean).join("/");
      const size = Number.parseInt(text(124, 12).trim() || "0", 8);
      const type = text(156, 1) || "0";
      const target = resolve(staging, `.${name.startsWith("/") ? "" : "/"}${name}`);
      if (target !== staging && !target.startsWith(`${staging}/`)) throw new Error(`the image names a file outside its folder: ${name}`);
      if (type === "5") {
        mkdirSync(target, { recursive: true });
      } else if (type === "0") {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, tar.subarray(offset + 512, offset + 512 + size));
      }
      offset += 512 + Math.ceil(size / 512) * 512;
    }
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(staging, dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
