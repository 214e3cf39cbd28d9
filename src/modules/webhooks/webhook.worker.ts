import type { EntityManager } from "typeorm";
import { passesFilter } from "../../core/live-event";
import type { LiveChange, LiveEventKind } from "../../core/live-event";
import { toGlobalId } from "../../core/node";
import { backgroundScope, scopedSource } from "../../core/scoped-source";
import { writeGateOf } from "../../core/write-gate";
import type { WebhookFilter } from "./webhook.entity";
import { retryDelayMs, signedHeaders } from "./webhook.signing";

/** How deliveries are tried (WEBHOOK_* settings). */
export interface DeliverySettings {
  timeoutMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** Days a fanned-out change and its finished deliveries stay (OUTBOX_RETENTION_DAYS); 0: for ever. */
  retentionDays: number;
}

interface WorkerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

/** Events fanned out, and deliveries tried, per round. */
const BATCH = 50;
/** How often a replica looks for work another replica's write left (and retries that came due). */
const POLL_MS = 5000;
/** How often a worker deletes what the outbox keeps past OUTBOX_RETENTION_DAYS. */
const PRUNE_EVERY_MS = 3_600_000;
/** Rows one pruning statement deletes: a long backlog goes in short transactions, none holding the write gate long. */
const PRUNE_BATCH = 1000;

interface EventRow {
  id: string;
  kind: LiveEventKind;
  operation: string;
  recorded_at: Date | string;
  change: Omit<LiveChange, "kind">;
}

interface HookRow {
  id: number;
  url: string;
  secret: string;
  events: LiveEventKind[];
  filter: WebhookFilter;
  created_at: Date | string;
}

/**
 * How long until a pending delivery may be tried (0: now), or null when none is pending.
 * Null is not 0: a worker told 0 with nothing to do would look again at once, for ever.
 */
export async function msUntilNextDelivery(em: EntityManager): Promise<number | null> {
  const [next] = await em.query<{ wait_ms: number | null }[]>(
    `SELECT (extract(epoch FROM min(greatest(next_attempt_at, coalesce(leased_until, next_attempt_at))) - now()) * 1000)::float8 AS wait_ms
       FROM webhook_delivery WHERE status = 'PENDING'`,
  );
  return next?.wait_ms === null || next?.wait_ms === undefined ? null : Math.max(0, next.wait_ms);
}

/** What a receiver is told: the change's kind, when, and the IDs to ask the graph about (nothing private). */
function deliveryBody(event: EventRow): string {
  const { governmentId, countryCode, committeeId, meetingId, appointmentId, factsCompleteUntil } = event.change;
  const recordedAt = new Date(event.recorded_at).toISOString();
  return JSON.stringify({
    type: event.kind,
    timestamp: recordedAt,
    data: {
      eventId: event.id,
      operation: event.operation,
      recordedAt,
      ...(governmentId === undefined
        ? {}
        : { government: { id: toGlobalId("Government", governmentId), ...(countryCode ? { country: countryCode } : {}) } }),
      ...(committeeId === undefined ? {} : { committee: { id: toGlobalId("Committee", committeeId) } }),
      ...(meetingId === undefined ? {} : { meeting: { id: toGlobalId("Meeting", meetingId) } }),
      ...(appointmentId === undefined ? {} : { appointment: { id: toGlobalId("Appointment", appointmentId) } }),
      ...(factsCompleteUntil === undefined ? {} : { factsCompleteUntil }),
    },
  });
}

/**
 * Delivers webhooks from the outbox (`live_event`, filled by each write's transaction):
 * makes each event's deliveries for the webhooks that want it, then POSTs the due ones,
 * signed, each to be acknowledged with a 2xx. A failure is retried with exponential
 * backoff until WEBHOOK_MAX_ATTEMPTS, then marked FAILED. A delivery being tried is
 * leased to one worker (FOR UPDATE SKIP LOCKED, so replicas share the work); a worker
 * that dies mid-delivery lets it go when its lease passes, and a hub that owns its
 * embedded database frees them all at start. At least once: the `webhook-id` header,
 * the event's id, lets a receiver drop a repeat. Once an hour it deletes the changes
 * older than OUTBOX_RETENTION_DAYS whose deliveries are all finished, with them.
 */
export class WebhookWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;
  private nextDue: NodeJS.Timeout | null = null;
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly em: EntityManager,
    private readonly settings: DeliverySettings,
    private readonly log: WorkerLog,
    private readonly send: typeof fetch = fetch,
  ) {}

  /** `ownsDatabase`: no other process uses the database (an embedded folder), so no lease it holds is alive. */
  async start(options: { ownsDatabase: boolean }): Promise<void> {
    if (options.ownsDatabase) {
      await this.inTransaction((tx) => tx.query(`UPDATE webhook_delivery SET leased_until = NULL WHERE leased_until IS NOT NULL`));
    }
    this.poll = setInterval(() => this.poke(), POLL_MS);
    this.poll.unref();
    this.poke();
  }

  /** Looks for work now: a write committed an event (here or on another replica). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((error: unknown) => this.log.warn({ err: error }, "webhook deliveries stopped this round; the next round tries again"))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Stops taking work and waits for the round under way: its deliveries end recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    if (this.nextDue) clearTimeout(this.nextDue);
    await this.running;
  }

  private async round(): Promise<void> {
    // Read first, outside any transaction: an idle round takes no lock (on the embedded database, not its one session).
    const [work] = await this.em.query<{ events: boolean; due: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM live_event WHERE fanned_out_at IS NULL) AS events,
              EXISTS (SELECT 1 FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
                         AND (leased_until IS NULL OR leased_until <= now())) AS due`,
    );
    if (work?.events) while (!this.stopped && (await this.fanOut()) === BATCH);
    if (work?.events || work?.due) while (!this.stopped && (await this.deliverDue()) > 0);
    if (this.settings.retentionDays > 0 && performance.now() - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = performance.now();
      await this.prune();
    }
    await this.wakeWhenDue();
  }

  /**
   * Deletes the deliveries that are over (DELIVERED, FAILED, CANCELLED) and were made
   * more than `retentionDays` ago, then the changes fanned out that long ago that no
   * delivery names any more; returns how many of each. A pending delivery keeps its change.
   */
  async prune(): Promise<{ deliveries: number; events: number }> {
    const days = this.settings.retentionDays;
    if (days === 0) return { deliveries: 0, events: 0 };
    // `o` is the table's alias in `condition`; $1 is the days.
    const inBatches = async (table: "webhook_delivery" | "live_event", condition: string) => {
      let deleted = 0;
      for (;;) {
        const [done] = await this.inTransaction((tx) =>
          tx.query<{ n: number }[]>(
            `WITH gone AS (DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} o WHERE ${condition} LIMIT ${PRUNE_BATCH}) RETURNING 1)
             SELECT count(*)::int AS n FROM gone`,
            [days],
          ),
        );
        const n = done?.n ?? 0;
        deleted += n;
        if (n < PRUNE_BATCH || this.stopped) return deleted;
      }
    };
    const deliveries = await inBatches("webhook_delivery", `o.status <> 'PENDING' AND o.created_at < now() - make_interval(days => $1)`);
    const events = await inBatches(
      "live_event",
      `o.fanned_out_at IS NOT NULL AND o.recorded_at < now() - make_interval(days => $1)
         AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = o.id)`,
    );
    if (deliveries + events > 0) {
      this.log.info({ deliveries, events, retentionDays: days }, "deleted the outbox's changes and deliveries past their retention");
    }
    return { deliveries, events };
  }

  /** A timer for the next retry this database holds, so it is not left for the poll; none when nothing is pending. */
  private async wakeWhenDue(): Promise<void> {
    const waitMs = await msUntilNextDelivery(this.em);
    if (this.nextDue) clearTimeout(this.nextDue);
    this.nextDue = null;
    if (waitMs === null || this.stopped || waitMs >= POLL_MS) return;
    this.nextDue = setTimeout(() => this.poke(), Math.ceil(waitMs) + 5);
    this.nextDue.unref();
  }

  private inTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    // The worker's own scope: on the embedded database its transaction holds the one session, as a write does.
    const writer = scopedSource(this.em.connection, backgroundScope()).manager;
    return writeGateOf(this.em.connection).exclusive(writer, () => writer.transaction(work));
  }

  /** Makes the deliveries of events not yet fanned out; returns how many events it took. */
  private fanOut(): Promise<number> {
    return this.inTransaction(async (tx) => {
      const events = await tx.query<EventRow[]>(
        `SELECT id, kind, operation, recorded_at, change FROM live_event WHERE fanned_out_at IS NULL
          ORDER BY recorded_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (events.length === 0) return 0;
      const hooks = await tx.query<HookRow[]>(
        `SELECT id, url, secret, events, filter, created_at FROM webhook WHERE removed_at IS NULL FOR SHARE`,
      );
      const unplaced = [
        ...new Set(
          events
            .filter((e) => e.change.countryCode === undefined && e.change.governmentId !== undefined)
            .map((e) => e.change.governmentId!),
        ),
      ];
      const countries = new Map<number, string>();
      if (unplaced.length > 0 && hooks.some((hook) => hook.filter.countries !== null)) {
        for (const row of await tx.query<{ id: number; country_code: string }[]>(
          `SELECT id, country_code FROM government WHERE id = ANY($1)`,
          [unplaced],
        ))
          countries.set(row.id, row.country_code);
      }
      // A webhook hears the kinds it names, from the changes recorded after it was registered.
      const deliveries: (readonly [number, string])[] = [];
      for (const event of events)
        for (const hook of hooks)
          if (
            hook.events.includes(event.kind) &&
            new Date(event.recorded_at) >= new Date(hook.created_at) &&
            (await passesFilter(hook.filter, event.change, (id) => countries.get(id)))
          )
            deliveries.push([hook.id, event.id]);
      if (deliveries.length > 0) {
        await tx.query(
          `INSERT INTO webhook_delivery (webhook_id, event_id) SELECT * FROM unnest($1::int[], $2::uuid[]) ON CONFLICT DO NOTHING`,
          [deliveries.map(([hook]) => hook), deliveries.map(([, event]) => event)],
        );
      }
      await tx.query(`UPDATE live_event SET fanned_out_at = now() WHERE id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
      return events.length;
    });
  }

  /** Tries the deliveries that are due and leased to no one; returns how many it tried. */
  private async deliverDue(): Promise<number> {
    const leaseSeconds = Math.ceil(this.settings.timeoutMs / 1000) + 5;
    const claimed = await this.inTransaction((tx) =>
      tx.query<{ id: number; attempts: number; url: string; secret: string; event: EventRow }[]>(
        `WITH due AS (
           SELECT id FROM webhook_delivery
            WHERE status = 'PENDING' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until <= now())
            ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
         ), claimed AS (
           UPDATE webhook_delivery d SET leased_until = now() + make_interval(secs => $1), attempts = d.attempts + 1
             FROM due WHERE d.id = due.id
           RETURNING d.id, d.attempts, d.webhook_id, d.event_id
         )
         SELECT c.id, c.attempts, w.url, w.secret,
                json_build_object('id', e.id, 'kind', e.kind, 'operation', e.operation, 'recorded_at', e.recorded_at, 'change', e.change) AS event
           FROM claimed c JOIN webhook w ON w.id = c.webhook_id JOIN live_event e ON e.id = c.event_id`,
        [leaseSeconds],
      ),
    );
    if (claimed.length === 0) return 0;
    const outcomes = await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    // Each outcome is recorded only while the delivery is still PENDING: one whose webhook was removed meanwhile stays CANCELLED.
    await this.inTransaction(async (tx) => {
      const whilePending = async (update: string, parameters: unknown[]) => {
        const [row] = await tx.query<{ n: number }[]>(
          `WITH recorded AS (${update} AND status = 'PENDING' RETURNING 1) SELECT count(*)::int AS n FROM recorded`,
          parameters,
        );
        return (row?.n ?? 0) > 0;
      };
      for (const [index, outcome] of outcomes.entries()) {
        const { id, attempts } = claimed[index];
        const last = !outcome.ok && attempts >= this.settings.maxAttempts;
        const recorded = outcome.ok
          ? await whilePending(
              `UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), leased_until = NULL, last_status = $2, last_error = NULL WHERE id = $1`,
              [id, outcome.status],
            )
          : last
            ? await whilePending(
                `UPDATE webhook_delivery SET status = 'FAILED', leased_until = NULL, last_status = $2, last_error = $3 WHERE id = $1`,
                [id, outcome.status, outcome.error],
              )
            : await whilePending(
                `UPDATE webhook_delivery SET next_attempt_at = now() + make_interval(secs => $4), leased_until = NULL, last_status = $2, last_error = $3 WHERE id = $1`,
                [id, outcome.status, outcome.error, retryDelayMs(attempts, this.settings.retryBaseMs) / 1000],
              );
        if (!recorded) {
          this.log.debug({ delivery: id, attempts }, "a webhook delivery's webhook was removed while it was tried: it stays CANCELLED");
        } else if (last) {
          this.log.warn(
            { delivery: id, attempts, error: outcome.error },
            "a webhook delivery failed on its last attempt: it is marked FAILED",
          );
        } else if (!outcome.ok) {
          this.log.debug({ delivery: id, attempts, error: outcome.error }, "a webhook delivery failed; it is tried again later");
        }
      }
    });
    return claimed.length;
  }

  private async attempt(delivery: {
    url: string;
    secret: string;
    event: EventRow;
  }): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    const body = deliveryBody(delivery.event);
    try {
      const response = await this.send(delivery.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "near-data-hub-webhooks",
          ...signedHeaders(delivery.secret, delivery.event.id, new Date(), body),
        },
        body,
        // A redirect is not an acknowledgement, and following one could lead the hub anywhere.
        redirect: "manual",
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      await response.body?.cancel();
      const ok = response.status >= 200 && response.status < 300;
      return { ok, status: response.status, error: ok ? null : `the receiver answered ${response.status}` };
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      return {
        ok: false,
        status: null,
        error: timedOut ? `no answer within ${this.settings.timeoutMs} ms` : `not delivered: ${(error as Error).message}`,
      };
    }
  }
}
