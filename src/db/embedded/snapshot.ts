import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { DataSource } from "typeorm";
import { backgroundScope, scopedSource } from "../../core/scoped-source";
import { writeGateOf } from "../../core/write-gate";
import { StartupError } from "../startup-error";
import { currentManifest, gunzipWhole } from "./image";

/**
 * A backup of the embedded database: one file of a text header and the data folder as
 * a gzipped tar. The header says what made it (the migrations it had run, PGlite's
 * version) and carries the payload's size and SHA-256, so a damaged or foreign file is
 * refused before anything is written.
 */
const MAGIC = "NEAR-HUB-SNAPSHOT 1\n";

export interface SnapshotHeader {
  createdAt: string;
  /** PGlite's version: a snapshot opens only on a PGlite that reads its data files. */
  pglite: string;
  /** The migrations it had run, oldest first: a restore runs the later ones. */
  migrations: string[];
  bytes: number;
  sha256: string;
}

/** A file that is not a snapshot the hub can restore, said in one line. */
export class SnapshotError extends StartupError {
  override name = "SnapshotError";
}

/**
 * A consistent snapshot of the embedded database while the hub serves: taken alone
 * (the write gate: no write is open, and PGlite runs nothing else meanwhile), after a
 * checkpoint, so the folder it copies holds every committed write.
 */
export async function snapshotOf(dataSource: DataSource, dump: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const em = scopedSource(dataSource, backgroundScope()).manager;
  return writeGateOf(dataSource).exclusive(em, async () => {
    await em.query("CHECKPOINT");
    const migrations = (await em.query<{ name: string }[]>(`SELECT name FROM typeorm_migration ORDER BY id`)).map((row) => row.name);
    const payload = gzipSync(await dump());
    const header: SnapshotHeader = {
      createdAt: new Date().toISOString(),
      pglite: currentManifest().pglite,
      migrations,
      bytes: payload.length,
      sha256: createHash("sha256").update(payload).digest("hex"),
    };
    return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`), payload]);
  });
}

/** The header and the data folder's tar of a snapshot file; SnapshotError for anything else. */
export function readSnapshot(file: Buffer, name: string): { header: SnapshotHeader; tar: Buffer } {
  if (!file.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) {
    throw new SnapshotError(`${name} is not a NEAR hub snapshot (made by npm run backup): nothing was restored`);
  }
  const end = file.indexOf("\n", MAGIC.length);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(file.subarray(MAGIC.length, end).toString("utf8")) as SnapshotHeader;
  } catch {
    throw new SnapshotError(`${name}: its header is damaged: nothing was restored`);
  }
  const payload = file.subarray(end + 1);
  const digest = createHash("sha256").update(payload).digest("hex");
  if (end < 0 || payload.length !== header.bytes || digest !== header.sha256) {
    throw new SnapshotError(
      `${name} is damaged (${payload.length} of ${String(header.bytes)} bytes, checksum ${digest === header.sha256 ? "matches" : "differs"}): nothing was restored`,
    );
  }
  const pglite = currentManifest().pglite;
  // Data files change with PostgreSQL's major version, which PGlite's minor version follows.
  const series = (version: string) => version.split(".").slice(0, 2).join(".");
  if (series(String(header.pglite)) !== series(pglite)) {
    throw new SnapshotError(
      `${name} was taken with PGlite ${header.pglite}; this build has ${pglite}, which may not read it: nothing was restored`,
    );
  }
  return { header, tar: gunzipWhole(Buffer.from(payload)) };
}
