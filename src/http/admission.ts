/**
 * At most `limit` operations execute at once; the rest wait their turn in arrival
 * order, up to `maxQueued`. Under load, a few operations at a time each finish fast
 * (first come, first served) instead of hundreds interleaving until all of them are
 * late; and the event loop stays free for health checks. On the embedded database,
 * whose one session runs every statement in turn, this is what keeps answers within
 * their deadline.
 */
export class Admission {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueued: number,
  ) {}

  /** Resolves with a release function once admitted; null when the queue is full (shed the request). */
  async enter(signal: AbortSignal): Promise<(() => void) | null> {
    if (this.running < this.limit) {
      this.running++;
      return this.releaser();
    }
    if (this.waiting.length >= this.maxQueued) return null;
    let admitted = false;
    await new Promise<void>((resolve) => {
      const turn = () => {
        admitted = true;
        signal.removeEventListener("abort", leave);
        resolve();
      };
      const leave = () => {
        const index = this.waiting.indexOf(turn);
        if (index >= 0) this.waiting.splice(index, 1);
        resolve();
      };
      this.waiting.push(turn);
      signal.addEventListener("abort", leave, { once: true });
    });
    // Admitted: the finishing operation handed its place over, so `running` stays as it was.
    return admitted ? this.releaser() : null;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }

  get queued(): number {
    return this.waiting.length;
  }
}
