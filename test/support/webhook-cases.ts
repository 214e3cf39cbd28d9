import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { Webhook as Verifier } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_CHANNEL } from "../../src/core/live-event";
import type { SharedState } from "../../src/http/shared-state";
import { createApiKey } from "../../src/modules/access";
import { WebhookWorker, msUntilNextDelivery } from "../../src/modules/webhooks";
import type { TestDatabase } from "./database";
import { testServer } from "./hub";
import type { LiveBackend } from "./live-backend";
import { RECORD_PAYMENT, paymentInput } from "./payment";

/**
 * Webhooks end to end on loopback: an ADMIN registers a receiver, a committed write
 * fills the outbox in its transaction, the worker POSTs each delivery signed as
 * Standard Webhooks says (checked here with the specification's own library), retries
 * with backoff until a 2xx, and marks FAILED what never gets one.
 */

interface Delivery {
  id: string;
  body: { type: string; data: Record<string, unknown> };
  verified: boolean;
}

/** A receiver: answers each POST with the status `answer` gives for its attempt (when it gives it), and keeps what came. */
class Receiver {
  readonly received: Delivery[] = [];
  private waiting: (() => void) | null = null;
  private arriving: (() => void) | null = null;
  server: Server;
  secret = "";

  constructor(private readonly answer: (attempt: number) => number | Promise<number>) {
    this.server = createServer((request, response) => void this.take(request, response));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/near-events`;
  }

  private async take(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = "";
    for await (const chunk of request) text += String(chunk);
    let verified = true;
    try {
      new Verifier(this.secret).verify(text, request.headers as Record<string, string>);
    } catch {
      verified = false;
    }
    this.received.push({ id: String(request.headers["webhook-id"]), body: JSON.parse(text) as Delivery["body"], verified });
    this.arriving?.();
    response.writeHead(await this.answer(this.received.length)).end();
    this.waiting?.();
  }

  /** Resolves once `count` POSTs came, before they are answered. */
  async arrived(count: number): Promise<void> {
    while (this.received.length < count) await new Promise<void>((resolve) => (this.arriving = resolve));
  }

  /** Resolves once `count` POSTs came. */
  async count(count: number): Promise<Delivery[]> {
    while (this.received.length < count) await new Promise<void>((resolve) => (this.waiting = resolve));
    return this.received;
  }
}

export function webhookCases(backend: LiveBackend): void {
  describe(`webhooks, on ${backend.name}`, () => {
    let db: TestDatabase;
    let closeDatabase: () => Promise<void>;
    let app: FastifyInstance;
    let hubUrl: string;
    let worker: WebhookWorker;
    let shared: SharedState;
    let admin = "";
    let secretariat = "";
    // Fails three times, then acknowledges.
    const flaky = new Receiver((attempt) => (attempt <= 3 ? 500 : 204));
    const broken = new Receiver(() => 503);
    const korean = new Receiver(() => 200);
    // What the worker logs, in order.
    const logged: string[] = [];
    const workerLog = {
      info: (_details: object, message: string) => void logged.push(message),
      warn: (_details: object, message: string) => void logged.push(message),
      debug: (_details: object, message: string) => void logged.push(message),
    };

    beforeAll(async () => {
      ({ db, close: closeDatabase } = await backend.open());
      shared = await backend.shared();
      admin = (await createApiKey(db.dataSource.manager, { role: "ADMIN", label: "webhooks admin" })).secret;
      secretariat = (await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "webhooks secretariat" })).secret;
      app = await testServer(db, { shared, settings: { webhooks: { allowLoopbackHttp: true } } });
      await app.listen({ port: 0, host: "127.0.0.1" });
      hubUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      worker = new WebhookWorker(db.dataSource.manager, { timeoutMs: 2000, maxAttempts: 4, retryBaseMs: 20, retentionDays: 30 }, workerLog);
      shared.listen(LIVE_CHANNEL, () => worker.poke());
      await worker.start({ ownsDatabase: true });
    });

    afterAll(async () => {
      await worker?.stop();
      await app?.close();
      for (const receiver of [flaky, broken, korean]) receiver.server.close();
      await shared?.close();
      await closeDatabase?.();
    });

    async function graphql(query: string, variables: Record<string, unknown>, key: string) {
      const response = await app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        payload: { query, variables },
      });
      return response.json<{
        data: Record<string, Record<string, unknown>> | null;
        errors?: { message: string; extensions: Record<string, unknown> }[];
      }>();
    }

    const REGISTER = `mutation ($input: RegisterWebhookInput!) {
    registerWebhook(input: $input) {
      __typename
      ... on RegisterWebhookSuccess { secret webhook { id url events filter { countries } } }
      ... on InvalidInput { field message }
      ... on NotFound { field message }
    }
  }`;

    async function register(receiver: Receiver, url: string, input: Record<string, unknown> = {}) {
      const { data } = await graphql(
        REGISTER,
        { input: { url, label: "test partner", events: ["DUES_STANDING_CHANGED"], ...input } },
        admin,
      );
      const answer = data!["registerWebhook"] as { __typename: string; secret: string; webhook: { id: string } };
      receiver.secret = answer.secret;
      return answer;
    }

    async function pay(slug: string, reference: string, stale = false) {
      const version = stale
        ? 999
        : ((await graphql(`query ($slug: String!) { government(slug: $slug) { version } }`, { slug }, secretariat)).data!["government"][
            "version"
          ] as number);
      const input = paymentInput(slug, version, reference);
      const { data } = await graphql(RECORD_PAYMENT, { input }, secretariat);
      return (data!["recordDuesPayment"] as { __typename: string }).__typename;
    }

    it("with no delivery pending, the worker has nothing to wake for (and does not look again at once)", async () => {
      expect(await msUntilNextDelivery(db.dataSource.manager)).toBeNull();
    });

    it("refuses a URL that is not https (or http to this machine, when allowed), or that points at the hub itself", async () => {
      const refused = async (url: string) =>
        (await register(korean, url)) as unknown as { __typename: string; field: string; message: string };
      expect(await refused("ftp://partner.example/hook")).toMatchObject({ __typename: "InvalidInput", field: "input.url" });
      expect(await refused("http://partner.example/hook")).toMatchObject({ __typename: "InvalidInput", field: "input.url" });
      expect(await refused(`${hubUrl}/graphql`)).toMatchObject({
        __typename: "InvalidInput",
        field: "input.url",
        message: expect.stringContaining("this hub itself"),
      });
      expect(await refused("not a url")).toMatchObject({ __typename: "InvalidInput", field: "input.url" });
      const unknownCountry = await register(korean, "https://partner.example/hook", { filter: { countries: ["KO"] } });
      expect(unknownCountry).toMatchObject({ __typename: "InvalidInput", field: "input.filter.countries" });
    });

    it("delivers each committed change signed, retries a failing receiver until it acknowledges once, and marks FAILED one that never does", {
      timeout: 60_000,
    }, async () => {
      const registered = await register(flaky, await flaky.listen());
      expect(registered.__typename).toBe("RegisterWebhookSuccess");
      expect(registered.secret).toMatch(/^whsec_/);
      expect((await register(broken, await broken.listen())).__typename).toBe("RegisterWebhookSuccess");
      expect((await register(korean, await korean.listen(), { filter: { countries: ["KR"] } })).__typename).toBe("RegisterWebhookSuccess");

      // Rolled back (a stale version): no event, so no delivery; then one committed for Japan.
      expect(await pay("jp-akita", "HOOK-STALE", true)).toBe("Conflict");
      expect(await pay("jp-tottori", "HOOK-1")).toBe("RecordDuesPaymentSuccess");

      const attempts = await flaky.count(4);
      const eventIds = new Set(attempts.map((delivery) => delivery.id));
      expect(eventIds.size).toBe(1);
      expect(attempts.every((delivery) => delivery.verified)).toBe(true);
      expect(attempts[0].body).toMatchObject({
        type: "duesStandingChanged",
        data: { operation: "recordDuesPayment", government: { id: expect.any(String), country: "JP" } },
      });
      await broken.count(4);

      // Acknowledged once, so never sent again; the broken receiver's ran out of attempts: FAILED, for ADMIN to see.
      const deliveries = async (status: string) =>
        (
          await graphql(
            `query ($status: DeliveryStatus) { webhookDeliveries(status: $status) { eventId event status attempts lastStatus webhook { url } } }`,
            { status },
            admin,
          )
        ).data!["webhookDeliveries"] as unknown as {
          eventId: string;
          status: string;
          attempts: number;
          lastStatus: number;
          webhook: { url: string };
        }[];
      let failed = await deliveries("FAILED");
      while (failed.length === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        failed = await deliveries("FAILED");
      }
      expect(failed).toEqual([
        {
          eventId: [...eventIds][0],
          event: "DUES_STANDING_CHANGED",
          status: "FAILED",
          attempts: 4,
          lastStatus: 503,
          webhook: { url: expect.stringContaining(String((broken.server.address() as AddressInfo).port)) },
        },
      ]);
      expect(await deliveries("DELIVERED")).toMatchObject([
        { eventId: [...eventIds][0], status: "DELIVERED", attempts: 4, lastStatus: 204 },
      ]);
      expect(flaky.received).toHaveLength(4);
      expect(logged.filter((message) => message.includes("marked FAILED"))).toHaveLength(1);
      // The Korean filter took nothing from Japan.
      expect(korean.received).toEqual([]);
    });

    it("removing a webhook cancels what it has not acknowledged: the POST under way is its last", async () => {
      const loggedBefore = logged.length;
      let answer!: (status: number) => void;
      const held = new Receiver(() => new Promise<number>((resolve) => (answer = resolve)));
      const registered = (await register(held, await held.listen())) as unknown as { webhook: { id: string } };
      expect(await pay("jp-akita", "HOOK-REMOVED")).toBe("RecordDuesPaymentSuccess");
      await held.arrived(1);
      const removed = await graphql(
        `mutation ($input: RemoveWebhookInput!) { removeWebhook(input: $input) { __typename } }`,
        { input: { webhook: registered.webhook.id, version: 1 } },
        admin,
      );
      expect(removed.data!["removeWebhook"]).toEqual({ __typename: "RemoveWebhookSuccess" });
      // The receiver fails the POST under way; once the worker's round is over, nothing is left to retry.
      answer(500);
      await worker.stop();
      const { data } = await graphql(
        `query ($webhook: ID!) { webhookDeliveries(webhook: $webhook) { status attempts lastStatus } }`,
        { webhook: registered.webhook.id },
        admin,
      );
      // Its failed answer was not recorded over the cancellation, so nothing schedules another attempt.
      expect(data!["webhookDeliveries"]).toEqual([{ status: "CANCELLED", attempts: 1, lastStatus: null }]);
      // And the worker says so, rather than that it will try again.
      expect(logged.slice(loggedBefore).filter((message) => message.includes("stays CANCELLED"))).toHaveLength(1);
      expect(held.received).toHaveLength(1);
      held.server.close();
    });

    it("is ADMIN's: a secretariat key may neither register a webhook nor read deliveries", async () => {
      const register = await graphql(
        REGISTER,
        { input: { url: "https://partner.example/x", label: "x", events: ["MEETING_RECORDED"] } },
        secretariat,
      );
      const read = await graphql(`{ webhookDeliveries { eventId } }`, {}, secretariat);
      expect([register.errors?.[0]?.extensions["code"], read.errors?.[0]?.extensions["code"]]).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    });

    it("deletes changes and finished deliveries past OUTBOX_RETENTION_DAYS, keeping what is pending and what is recent", async () => {
      const sql = <T>(text: string) => db.dataSource.query<T>(text);
      const count = async (text: string) => (await sql<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${text}`))[0].n;
      // Every change so far is made 31 days old, with its deliveries; one old delivery is pending again.
      await sql(`UPDATE webhook_delivery SET created_at = created_at - interval '31 days'`);
      await sql(`UPDATE live_event SET recorded_at = recorded_at - interval '31 days'`);
      await sql(`UPDATE webhook_delivery SET status = 'PENDING', leased_until = NULL WHERE id = (SELECT max(id) FROM webhook_delivery)`);
      // And a change of today, not yet fanned out (the worker is stopped).
      expect(await pay("jp-akita", "HOOK-RECENT")).toBe("RecordDuesPaymentSuccess");
      const aged = `(SELECT id FROM live_event WHERE recorded_at < now() - interval '30 days')`;
      const pendingOld = await count(`webhook_delivery WHERE event_id IN ${aged} AND status = 'PENDING'`);
      const finishedOld = await count(`webhook_delivery WHERE event_id IN ${aged} AND status <> 'PENDING'`);
      const keptOld = await count(
        `live_event e WHERE id IN ${aged} AND EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id AND d.status = 'PENDING')`,
      );
      const allOld = await count(`live_event WHERE id IN ${aged}`);
      const recent = await count(`live_event WHERE id NOT IN ${aged}`);
      expect([finishedOld > 0, keptOld > 0, allOld > keptOld, recent > 0]).toEqual([true, true, true, true]);

      // With no retention, nothing goes.
      const keeping = new WebhookWorker(
        db.dataSource.manager,
        { timeoutMs: 2000, maxAttempts: 4, retryBaseMs: 20, retentionDays: 0 },
        workerLog,
      );
      expect(await keeping.prune()).toEqual({ deliveries: 0, events: 0 });

      expect(await worker.prune()).toEqual({ deliveries: finishedOld, events: allOld - keptOld });
      // Left: the old pending deliveries with their changes, and today's change.
      expect(await count(`webhook_delivery WHERE event_id IN ${aged}`)).toBe(pendingOld);
      expect(await count(`live_event WHERE id IN ${aged}`)).toBe(keptOld);
      expect(await count(`live_event WHERE id NOT IN ${aged}`)).toBe(recent);
      expect(logged.at(-1)).toBe("deleted the outbox's changes and deliveries past their retention");
    });
  });
}
