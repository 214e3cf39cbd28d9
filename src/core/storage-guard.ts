import { statfs } from "node:fs/promises";
import type { DataSource } from "typeorm";
import { GraphQLError } from "graphql";
import { ErrorCode } from "./errors";
import { rootOf } from "./scoped-source";

/** How often the free space of the embedded data folder's disk is read. */
const CHECK_INTERVAL_MS = 1000;

/** A write refused because the database's disk is (nearly) full: HTTP 503, nothing written. */
export class StorageFullError extends GraphQLError {
  constructor() {
    super("The database's disk is full: writes are refused until space is freed, reads go on. Retry later.", {
      extensions: { code: ErrorCode.STORAGE_FULL },
    });
    this.name = "StorageFullError";
  }
}

/**
 * Keeps the embedded database's writes off a full disk. PostgreSQL stops at a failed
 * write-ahead-log write (a PANIC): in PGlite, inside this process, every later statement
 * then hangs, reads included, until a restart. So the hub reads the free space of the
 * data folder's disk every second and, below the reserve (DISK_RESERVE_MB), refuses
 * writes before they start and says it is not ready; reads go on. A server PostgreSQL
 * reports a full disk itself (SQLSTATE 53100), which the hub answers the same way.
 */
export class StorageGuard {
  private lowOnSpace = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly folder: string,
    private readonly reserveBytes: number,
    private readonly onChange: (full: boolean) => void = () => {},
  ) {}

  /** Reads the free space once (so the first answer is real), then every second until `stop`. */
  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Whether the disk's free space is under the reserve (as of the last reading). */
  full(): boolean {
    return this.lowOnSpace;
  }

  /** Throws StorageFullError when the disk is full: called before a write begins. */
  assertRoom(): void {
    if (this.lowOnSpace) throw new StorageFullError();
  }

  private async check(): Promise<void> {
    let full: boolean;
    try {
      const disk = await statfs(this.folder);
      full = disk.bavail * disk.bsize < this.reserveBytes;
    } catch {
      // A folder that cannot be read is the database's to report; no guess here.
      return;
    }
    if (full !== this.lowOnSpace) {
      this.lowOnSpace = full;
      this.onChange(full);
    }
  }
}

const guards = new WeakMap<DataSource, StorageGuard>();

/** The guard watching the disk of a data source's embedded folder; null when none does (PostgreSQL, in memory). */
export function storageGuardOf(dataSource: DataSource): StorageGuard | null {
  return guards.get(rootOf(dataSource)) ?? null;
}

/** Starts watching the disk under an embedded data folder for the data source's writes. */
export async function guardStorage(
  dataSource: DataSource,
  folder: string,
  reserveBytes: number,
  onChange?: (full: boolean) => void,
): Promise<StorageGuard> {
  const guard = new StorageGuard(folder, reserveBytes, onChange);
  await guard.start();
  guards.set(rootOf(dataSource), guard);
  return guard;
}
