import type { FastifyBaseLogger } from "fastify";
import type { DataSource } from "typeorm";
import { storageGuardOf } from "../core/storage-guard";

export type Readiness = { ready: true } | { ready: false; reason: "database unreachable" | "migrations pending" | "disk full" };

/** How often the database is probed; /readyz answers from the latest probe at once. */
const PROBE_INTERVAL_MS = 1000;
/** A probe not answered in this long finds the database unreachable. */
const PROBE_TIMEOUT_MS = 2000;
/** How long a write refused for a full disk keeps the hub unready: the next refused write extends it. */
const STORAGE_FULL_HOLD_MS = 10_000;

/**
 * Readiness from a probe in the background (the database answers `SELECT 1` and no
 * migration is pending), so /readyz answers in microseconds however busy the
 * database is: on the embedded database, whose one session runs every statement in
 * turn, a probe per request would wait behind the whole load.
 */
export class ReadinessProbe {
  private state: Readiness = { ready: false, reason: "database unreachable" };
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<void> | null = null;
  /** Whether the last probe's statements are still out: no second probe joins them. */
  private unanswered = false;
  /** Until when (performance.now()) the database's disk is taken to be full: a write failed for it. */
  private storageFullUntil = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Probes once (so the first answer is real), then every second until `stop`. */
  async start(): Promise<void> {
    await this.probe();
    this.timer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  current(): Readiness {
    const full = performance.now() < this.storageFullUntil || storageGuardOf(this.dataSource)?.full() === true;
    if (this.state.ready && full) return { ready: false, reason: "disk full" };
    return this.state;
  }

  /**
   * A write failed because the database's disk is full: the hub is not ready (a load
   * balancer sends writes elsewhere) until no write has failed so for a while. `SELECT 1`
   * keeps working on a full disk, so the probe alone would not see it.
   */
  noteStorageFull(): void {
    if (performance.now() >= this.storageFullUntil) this.log.warn("not ready: the database's disk is full, writes are refused");
    this.storageFullUntil = performance.now() + STORAGE_FULL_HOLD_MS;
  }

  private probe(): Promise<void> {
    // One probe at a time: a database that hangs does not pile them up.
    this.probing ??= this.check().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async check(): Promise<void> {
    let next: Readiness;
    let timer: NodeJS.Timeout | undefined;
    try {
      if (this.unanswered) throw new Error("the last readiness probe is still unanswered");
      const answered = (async () => {
        await this.dataSource.query("SELECT 1");
        return this.dataSource.showMigrations();
      })();
      this.unanswered = true;
      void answered.then(
        () => (this.unanswered = false),
        () => (this.unanswered = false),
      );
      // A database that stops answering (a frozen server, an embedded engine stuck on a failed write) is unreachable:
      // the probe does not wait on it, and the next probe waits for this one's statements to end first.
      const silent = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer to the readiness probe in ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      });
      next = (await Promise.race([answered, silent])) ? { ready: false, reason: "migrations pending" } : { ready: true };
    } catch (error) {
      if (this.state.ready) this.log.warn({ err: error }, "readiness check failed");
      next = { ready: false, reason: "database unreachable" };
    } finally {
      clearTimeout(timer);
    }
    if (next.ready !== this.state.ready) this.log.info({ ready: next.ready }, next.ready ? "ready" : "not ready");
    this.state = next;
  }
}
