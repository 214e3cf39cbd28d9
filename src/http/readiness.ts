import type { FastifyBaseLogger } from "fastify";
import type { DataSource } from "typeorm";

export type Readiness = { ready: true } | { ready: false; reason: "database unreachable" | "migrations pending" };

/** How often the database is probed; /readyz answers from the latest probe at once. */
const PROBE_INTERVAL_MS = 1000;

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
    return this.state;
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
    try {
      await this.dataSource.query("SELECT 1");
      next = (await this.dataSource.showMigrations()) ? { ready: false, reason: "migrations pending" } : { ready: true };
    } catch (error) {
      if (this.state.ready) this.log.warn({ err: error }, "readiness check failed");
      next = { ready: false, reason: "database unreachable" };
    }
    if (next.ready !== this.state.ready) this.log.info({ ready: next.ready }, next.ready ? "ready" : "not ready");
    this.state = next;
  }
}
