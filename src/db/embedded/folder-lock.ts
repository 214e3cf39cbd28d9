import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { StartupError } from "../startup-error";

/**
 * One process owns an embedded data folder. PGlite keeps no lock of its own: two
 * processes on one folder each run their own PostgreSQL over the same files, and each
 * overwrites what the other wrote (a key one made was not seen by the other, then lost).
 * The owner writes `<folder>.lock` beside the folder (created exclusively: of two
 * processes starting at once, one wins); a lock whose process is gone is stale and
 * taken over. Beside, not inside: the folder is PostgreSQL's, copied whole by a backup
 * and replaced whole by the start-up image.
 */
function lockFileOf(dataDir: string): string {
  return `${resolve(dataDir)}.lock`;
}

/** Where the running hub answers `npm run keys` and `npm run backup` (src/http/admin-socket.ts): beside the folder too. */
export function adminSocketOf(dataDir: string): string {
  return `${resolve(dataDir)}.sock`;
}

export interface FolderOwner {
  pid: number;
  /** What holds the folder: "hub", "keys", "seed", "backup", … */
  purpose: string;
  startedAt: string;
  /** The admin socket's path while a hub serves on it; null otherwise. */
  socket: string | null;
}

/** The folder is held by a live process: its owner, for the one line the CLIs print. */
class FolderInUseError extends StartupError {
  override name = "FolderInUseError";
  constructor(
    readonly dataDir: string,
    readonly owner: FolderOwner,
  ) {
    super(`data folder ${dataDir} is in use by process ${owner.pid} (${owner.purpose}); stop it, or use the running hub`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds the pid; it is alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): FolderOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Partial<FolderOwner>;
    return typeof owner.pid === "number" ? (owner as FolderOwner) : null;
  } catch {
    return null;
  }
}

/** The live owner of the folder, or null when none holds it (no lock, or a stale one). */
export function folderOwner(dataDir: string): FolderOwner | null {
  const owner = readOwner(lockFileOf(dataDir));
  return owner && alive(owner.pid) ? owner : null;
}

export interface FolderLock {
  readonly owner: FolderOwner;
  /** Records the admin socket the hub now serves on (null: none). */
  announce(socket: string | null): void;
  /** Gives the folder back; idempotent, and also done when the process exits. */
  release(): void;
}

/**
 * Takes the folder for this process, or throws FolderInUseError naming the live owner.
 * A stale lock (its process gone, or unreadable) is removed and the take tried again.
 */
export function lockDataFolder(dataDir: string, purpose: string): FolderLock {
  const file = lockFileOf(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const owner: FolderOwner = { pid: process.pid, purpose, startedAt: new Date().toISOString(), socket: null };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readOwner(file);
      if (current && alive(current.pid)) throw new FolderInUseError(dataDir, current);
      // Stale: its process is gone. Two processes may both see it so; the exclusive create decides.
      if (attempt > 2) throw new StartupError(`data folder ${dataDir}: cannot take its lock ${file}`, { cause: error });
      rmSync(file, { force: true });
    }
  }
  let held = true;
  // Replaced whole (a rename), so a reader never sees half a lock and takes it for stale.
  const write = () => {
    const next = `${file}.${process.pid}`;
    writeFileSync(next, JSON.stringify(owner), { mode: 0o600 });
    renameSync(next, file);
  };
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.on("exit", release);
  return {
    owner,
    announce(socket) {
      owner.socket = socket;
      if (held) write();
    },
    release,
  };
}
