import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";

/**
 * Under load V8 lets the old generation grow to several times the live data between
 * full collections (a hub with 45 MB live held 130 MB of heap, 257 MB resident); a
 * fixed factor keeps it near the live size for a few percent more collection work
 * (docs/BENCHMARKS.md). V8 reads the factor at every collection, so setting it after
 * start takes effect.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * The growth factor that takes the semi-space straight to `capMb` at its next growth
 * (V8 multiplies the semi-space by the factor, within its own maximum), and 1, no
 * growth, once it is there. One step rather than V8's doublings: the factor can only be
 * set between tasks, after a collection is reported, and a task that allocates enough for
 * two scavenges would take a doubling past the cap before the next check; with one step
 * there is one such chance, not one at every doubling.
 */
export function semiSpaceGrowthFactor(semiSpaceMb: number, capMb: number): number {
  return semiSpaceMb < capMb ? Math.floor(capMb / semiSpaceMb) : 1;
}

/** The young generation's semi-space now (V8 reports its new space as two semi-spaces), or null if V8 reports none. */
function semiSpaceMb(): number | null {
  const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
  return newSpace === undefined || newSpace.space_size === 0 ? null : newSpace.space_size / 2 / 2 ** 20;
}

/** What `capSemiSpace` returns: growth is held until the hub is up. */
export interface SemiSpaceCap {
  /**
   * Holds growth again: on Node 20 and 22 a worker thread's start sets the growth factor
   * back to V8's default (measured: a semi-space held at 1 MB grew to 16 MB once a thread
   * had started, and stayed held when set again after the thread's `online` event; Node
   * 24 keeps it).
   */
  hold(): void;
  /** From now on the semi-space may grow, to the cap. */
  letGrow(): void;
}

/**
 * Keeps V8's young generation at most `capMb` per semi-space, what Node's
 * `--max-semi-space-size` does, for a process that was not started with it (`npm start`,
 * the package's `near-data-hub` command, `node dist/src/main.js`: a flag of Node's must
 * be given before the script, which no start-up code can do). V8 sets its own maximum
 * once, when the heap is made (16 MB on Node 20 and 22, 64 MB on Node 24, for 3 times
 * that in young-generation memory), but reads the growth factor each time it grows the
 * semi-space: so growth is off from here (loading the hub's modules has grown it from
 * V8's first 0.5 MB to 1–2 MB by then, which a smaller cap cannot undo) until
 * `letGrow`, and from then on, after every collection, the factor is the one that
 * reaches the cap (`semiSpaceGrowthFactor`).
 *
 * Growth waits for `letGrow` because the hub's start-up is long synchronous work that
 * would grow the semi-space several times before any check could run, past the cap, and
 * nothing can shrink it back; a request is a short task. Start-up takes as long with the
 * small semi-space (measured: 1.25–1.43 s warm, both ways).
 *
 * Under the bench a cap of 8 MB took 20–40 MB off the hub's peak for the same requests
 * per second; once no request was kept alive past its answer (src/http/graphql-route.ts),
 * 4 MB took 33 MB more off it on PostgreSQL and 48 MB on the embedded database, for
 * 0.92–1.03x the requests a second on the page queries and 0.85x on the voting rights of
 * all (docs/BENCHMARKS.md). The factor is the process's: the PGlite thread, whose young
 * generation its own limit keeps at a few MB, grows or not with this one. 0 leaves V8's
 * own sizing, and so does a V8 that reports no new space.
 */
export function capSemiSpace(capMb: number): SemiSpaceCap {
  if (capMb <= 0 || semiSpaceMb() === null) return { hold: () => undefined, letGrow: () => undefined };
  const hold = (): void => setFlagsFromString("--semi-space-growth-factor=1");
  // Set after every collection, not only when it changes: a thread started since may have reset it.
  const steer = (): void => setFlagsFromString(`--semi-space-growth-factor=${semiSpaceGrowthFactor(semiSpaceMb() ?? capMb, capMb)}`);
  hold();
  return {
    hold,
    letGrow: () => {
      steer();
      new PerformanceObserver(steer).observe({ entryTypes: ["gc"] });
    },
  };
}
