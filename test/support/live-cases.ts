import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { createClient } from "graphql-ws";
import type { Client } from "graphql-ws";
import type { FormattedExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { LIVE_CHANNEL } from "../../src/core/live-event";
import type { LiveEvent } from "../../src/core/live-event";
import { HubMetrics } from "../../src/http/metrics";
import type { SharedState } from "../../src/http/shared-state";
import { createApiKey, revokeApiKey } from "../../src/modules/access";
import { toGlobalId } from "../../src/core/node";
import type { TestDatabase } from "./database";
import { testServer } from "./hub";
import type { LiveBackend } from "./live-backend";
import { RECORD_PAYMENT, paymentInput } from "./payment";

/**
 * Subscriptions end to end on loopback: graphql-ws and graphql-sse against a hub that
 * commits real writes (a database of its own). Events come after the commit and never
 * for a rolled-back write, filtered, resolved for each subscriber's key; bad
 * subscriptions are refused when made; a reader that never reads is closed.
 */

type Result = FormattedExecutionResult<Record<string, Record<string, unknown>>, unknown>;

/** The results a subscription yields, taken one at a time: `next()` waits for the next (or its end). */
class Received {
  private readonly results: Result[] = [];
  private waiting: (() => void) | null = null;
  ended: unknown = null;
  done = false;

  push(result: Result): void {
    this.results.push(result);
    this.waiting?.();
  }

  finish(error: unknown = null): void {
    this.ended = error;
    this.done = true;
    this.waiting?.();
  }

  async next(): Promise<Result | null> {
    while (this.results.length === 0 && !this.done) await new Promise<void>((resolve) => (this.waiting = resolve));
    return this.results.shift() ?? null;
  }
}

export function subscriptionCases(backend: LiveBackend): void {
  describe(`subscriptions, on ${backend.name}`, () => {
    let db: TestDatabase;
    let closeDatabase: () => Promise<void>;
    let app: FastifyInstance;
    let url: string;
    let shared: SharedState;
    const metrics = new HubMetrics();
    const keys: Record<string, { id: number; secret: string }> = {};
    const clients: Client[] = [];

    beforeAll(async () => {
      ({ db, close: closeDatabase } = await backend.open());
      shared = await backend.shared();
      for (const role of ["SECRETARIAT", "ADMIN"] as const) {
        const made = await createApiKey(db.dataSource.manager, { role, label: `live ${role.toLowerCase()}` });
        keys[role] = { id: made.key.id, secret: made.secret };
      }
      app = await testServer(db, { shared, metrics, live: { maxQueuedEvents: 8 } });
      await app.listen({ port: 0, host: "127.0.0.1" });
      url = `127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      for (const client of clients) await client.dispose();
      await app?.close();
      await shared?.close();
      await closeDatabase?.();
    });

    function client(authorization?: string): Client {
      const made = createClient({
        url: `ws://${url}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: authorization ? { authorization } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(made);
      return made;
    }

    /** Subscribes and resolves once the hub has registered the subscription (its first message arrives after). */
    function subscribe(on: Client, query: string, variables: Record<string, unknown> = {}): Received {
      const received = new Received();
      on.subscribe<Record<string, Record<string, unknown>>>(
        { query, variables },
        { next: (result) => received.push(result), error: (error) => received.finish(error), complete: () => received.finish() },
      );
      return received;
    }

    /** Resolves once the hub holds `count` subscriptions (its gauge): a write made after it reaches them. */
    async function heard(count: number): Promise<void> {
      const held = async () => (await metrics.subscriptions.get()).values[0]?.value ?? 0;
      while ((await held()) < count) await new Promise((resolve) => setImmediate(resolve));
    }

    async function post(query: string, variables: Record<string, unknown> = {}, role?: "SECRETARIAT" | "ADMIN") {
      const response = await app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", ...(role ? { authorization: `Bearer ${keys[role].secret}` } : {}) },
        payload: { query, variables },
      });
      return response.json<{ data?: Record<string, Record<string, unknown>>; errors?: unknown[] }>();
    }

    async function versionOf(slug: string): Promise<number> {
      const { data } = await post(`query ($slug: String!) { government(slug: $slug) { version } }`, { slug });
      return data!["government"]["version"] as number;
    }

    async function pay(slug: string, reference: string, version?: number) {
      const { data } = await post(
        RECORD_PAYMENT,
        {
          input: paymentInput(slug, version ?? (await versionOf(slug)), reference),
        },
        "SECRETARIAT",
      );
      return data!["recordDuesPayment"]["__typename"];
    }

    it("announces a committed write to subscribers whose filter it matches, and nothing for one rolled back", async () => {
      const japan = subscribe(
        client(),
        `subscription { duesStandingChanged(filter: { countries: ["JP"] }) { eventId operation government { slug } } }`,
      );
      await heard(1);
      // Korea's is filtered out; the stale version is a CONFLICT, rolled back: neither reaches the subscriber.
      expect(await pay("kr-gyeongbuk", "LIVE-KR-1")).toBe("RecordDuesPaymentSuccess");
      expect(await pay("jp-akita", "LIVE-JP-STALE", 999)).toBe("Conflict");
      expect(await pay("jp-akita", "LIVE-JP-1")).toBe("RecordDuesPaymentSuccess");
      const first = await japan.next();
      expect(first).toEqual({
        data: { duesStandingChanged: { eventId: expect.any(String), operation: "recordDuesPayment", government: { slug: "jp-akita" } } },
      });
    });

    it("resolves private fields only for a key that may read them, and closes a subscriber whose key is revoked", async () => {
      const query = `subscription { duesStandingChanged(filter: { governments: [$id] }) { government { slug contact } } }`;
      await db.dataSource.query(`UPDATE government SET contact = 'International Affairs' WHERE slug = 'jp-tottori'`);
      const { data } = await post(`{ government(slug: "jp-tottori") { id } }`);
      const id = data!["government"]["id"] as string;
      const anonymous = subscribe(client(), query.replace("$id", JSON.stringify(id)));
      const secretariat = subscribe(client(`Bearer ${keys["SECRETARIAT"].secret}`), query.replace("$id", JSON.stringify(id)));
      await heard(2);
      expect(await pay("jp-tottori", "LIVE-TOTTORI-1")).toBe("RecordDuesPaymentSuccess");
      // A private field is null, without an error, for a caller who may not read it: as a query answers.
      expect(await anonymous.next()).toEqual({ data: { duesStandingChanged: { government: { slug: "jp-tottori", contact: null } } } });
      expect(await secretariat.next()).toEqual({
        data: { duesStandingChanged: { government: { slug: "jp-tottori", contact: "International Affairs" } } },
      });

      // Revoked: the next event is not sent; the socket closes with graphql-ws's Forbidden.
      await revokeApiKey(db.dataSource.manager, keys["SECRETARIAT"].id);
      const fresh = await createApiKey(db.dataSource.manager, { role: "SECRETARIAT", label: "live secretariat again" });
      keys["SECRETARIAT"] = { id: fresh.key.id, secret: fresh.secret };
      expect(await pay("jp-tottori", "LIVE-TOTTORI-2")).toBe("RecordDuesPaymentSuccess");
      expect(await secretariat.next()).toBeNull();
      expect(secretariat.ended).toMatchObject({ code: 4403 });
      expect((await anonymous.next())?.data).toEqual({ duesStandingChanged: { government: { slug: "jp-tottori", contact: null } } });
    });

    it("refuses, when made, a filter naming what is not in the graph, an operation over its limits, and a query", async () => {
      const on = client();
      const cases: [string, string][] = [
        [`subscription { membershipChanged(filter: { countries: ["KO"] }) { eventId } }`, "BAD_USER_INPUT"],
        [`subscription { membershipChanged(filter: { governments: ["${toGlobalId("Government", 999_999)}"] }) { eventId } }`, "NOT_FOUND"],
        [`subscription { membershipChanged(filter: { governments: ["nope"] }) { eventId } }`, "BAD_USER_INPUT"],
        [`subscription { meetingRecorded(filter: { committees: ["no-such-committee"] }) { eventId } }`, "NOT_FOUND"],
        [`subscription { factsHorizonMoved { eventId nope } }`, "GRAPHQL_VALIDATION_FAILED"],
        [`{ about { name } }`, "GRAPHQL_VALIDATION_FAILED"],
        // Deeper than MAX_DEPTH (20): refused by the same limits as a query.
        [
          `subscription { membershipChanged { government { ${"country { governments { ".repeat(10)}slug${" } }".repeat(10)} } } }`,
          "OPERATION_LIMIT_EXCEEDED",
        ],
      ];
      for (const [query, code] of cases) {
        const received = subscribe(on, query);
        const result = await received.next();
        const errors = (result?.errors ?? received.ended) as { extensions?: { code?: string } }[];
        expect([query, errors?.[0]?.extensions?.code]).toEqual([query, code]);
      }
    });

    it("holds a client to its connections and subscriptions, and closes one that never says connection_init (4408)", async () => {
      // Behind one proxy (TRUST_PROXY=1), as a deployment behind a load balancer: a client is its X-Forwarded-For.
      const strict = await testServer(db, {
        shared,
        settings: { http: { trustProxy: 1 } },
        live: { maxConnectionsPerClient: 2, maxSubscriptionsPerClient: 1, initTimeoutMs: 300 },
      });
      await strict.listen({ port: 0, host: "127.0.0.1" });
      const at = `ws://127.0.0.1:${(strict.server.address() as AddressInfo).port}/graphql`;
      // Every socket this test opens, ended whatever it asserts: an open one would hold the server's close.
      const sockets: WebSocket[] = [];
      try {
        const closed = (socket: WebSocket) => new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
        const open = async (client = "203.0.113.7") => {
          const socket = new WebSocket(at, "graphql-transport-ws", { headers: { "x-forwarded-for": client } });
          sockets.push(socket);
          await new Promise((resolve) => socket.once("open", resolve));
          socket.send(JSON.stringify({ type: "connection_init" }));
          return socket;
        };
        const replies = (socket: WebSocket) => {
          const messages: { type: string; id?: string; payload?: unknown }[] = [];
          socket.on("message", (data: Buffer) => messages.push(JSON.parse(data.toString()) as (typeof messages)[number]));
          return async (type: string) => {
            while (!messages.some((m) => m.type === type)) await new Promise((resolve) => socket.once("message", resolve));
            return messages.find((m) => m.type === type)!;
          };
        };
        const first = await open();
        const firstReply = replies(first);
        await firstReply("connection_ack");
        const second = await open();
        await replies(second)("connection_ack");
        // A third from the same address: over its connections; another client through the same proxy is not.
        expect(await closed(await open())).toBe(1013);
        const other = await open("198.51.100.4");
        const welcome = await new Promise<string>((resolve) => {
          other.once("close", (code) => resolve(`closed with ${code}`));
          other.on("message", (data: Buffer) => {
            if ((JSON.parse(data.toString()) as { type: string }).type === "connection_ack") resolve("connection_ack");
          });
        });
        expect(welcome).toBe("connection_ack");
        other.close();
        // One subscription each: the second is refused, with the limit's code.
        first.send(JSON.stringify({ id: "a", type: "subscribe", payload: { query: "subscription { factsHorizonMoved { eventId } }" } }));
        first.send(JSON.stringify({ id: "b", type: "subscribe", payload: { query: "subscription { factsHorizonMoved { eventId } }" } }));
        expect(await firstReply("error")).toMatchObject({
          id: "b",
          payload: [{ extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: "subscriptions" } }],
        });
        // Silent after the handshake: closed by graphql-ws's init timeout.
        const silent = new WebSocket(at, "graphql-transport-ws", { headers: { "x-forwarded-for": "192.0.2.1" } });
        sockets.push(silent);
        expect(await closed(silent)).toBe(4408);
        first.close();
        second.close();
      } finally {
        for (const socket of sockets) socket.terminate();
        await strict.close();
      }
    });

    it("closes a client that speaks another WebSocket subprotocol with graphql-ws's 4406", async () => {
      // subscriptions-transport-ws's protocol, which older Apollo clients still speak.
      const socket = new WebSocket(`ws://${url}/graphql`, "graphql-ws");
      const [code, reason] = await new Promise<[number, string]>((resolve) => socket.on("close", (c, r) => resolve([c, r.toString()])));
      expect([code, reason]).toEqual([4406, "Subprotocol not acceptable"]);
    });

    it("lets a partner page on another origin open a stream with its key: the preflight allows it", async () => {
      const preflight = await app.inject({
        method: "OPTIONS",
        url: "/graphql/stream",
        headers: {
          origin: "https://partner.example",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization",
        },
      });
      expect([
        preflight.statusCode,
        preflight.headers["access-control-allow-methods"],
        preflight.headers["access-control-allow-origin"],
      ]).toEqual([204, "GET, POST, OPTIONS", "*"]);
      expect(preflight.headers["access-control-allow-headers"]).toContain("authorization");
    });

    it("streams the same events over Server-Sent Events, to a GET as an EventSource sends it, of several kinds at once", async () => {
      const query = `subscription { changes(kinds: [MEMBERSHIP_CHANGED, FACTS_HORIZON_MOVED]) { __typename operation ... on MembershipChanged { government { slug } } } }`;
      const response = await fetch(`http://${url}/graphql/stream?${new URLSearchParams({ query }).toString()}`, {
        headers: { accept: "text/event-stream" },
      });
      expect([response.status, response.headers.get("content-type")]).toEqual([200, "text/event-stream; charset=utf-8"]);
      const reader = response.body!.getReader();
      await heard(1);
      const { data } = await post(`{ government(slug: "jp-tottori") { memberships { id version endedOn } } }`);
      const open = (data!["government"]["memberships"] as { id: string; version: number; endedOn: string | null }[]).find(
        (m) => m.endedOn === null,
      )!;
      const ended = await post(
        `mutation ($input: EndMembershipInput!) { endMembership(input: $input) { __typename } }`,
        { input: { membership: open.id, version: open.version, endedOn: "2020-12-30", source: "test: a letter of withdrawal" } },
        "SECRETARIAT",
      );
      expect(ended.data?.["endMembership"]?.["__typename"]).toBe("MembershipWriteSuccess");
      let text = "";
      while (!text.includes("event: next")) text += new TextDecoder().decode((await reader.read()).value);
      while (!text.split("event: next")[1].includes("\n\n")) text += new TextDecoder().decode((await reader.read()).value);
      const data0 = /event: next\ndata: (.*)\n/.exec(text)![1];
      expect(JSON.parse(data0)).toEqual({
        data: { changes: { __typename: "MembershipChanged", operation: "endMembership", government: { slug: "jp-tottori" } } },
      });
      await reader.cancel();
    });

    it("closes a subscriber that stops reading (1008) while one that reads gets every event", { timeout: 120_000 }, async () => {
      const query = `subscription { factsHorizonMoved { operation factsCompleteUntil } }`;
      const reading = subscribe(client(), query);
      const stalled = new WebSocket(`ws://${url}/graphql`, "graphql-transport-ws");
      await new Promise((resolve) => stalled.once("open", resolve));
      stalled.send(JSON.stringify({ type: "connection_init" }));
      await new Promise((resolve) => stalled.once("message", resolve));
      stalled.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query } }));
      await heard(2);
      // The stalled client's socket stops reading: the kernel's buffers fill, then the hub's queue for it.
      (stalled as unknown as { _socket: { pause(): void } })._socket.pause();
      const operation = "x".repeat(10_000);
      const EVENTS = 3000;
      for (let index = 0; index < EVENTS; index++) {
        const event: LiveEvent = {
          kind: "factsHorizonMoved",
          factsCompleteUntil: "2021-01-01",
          id: `event-${index}`,
          operation,
          recordedAt: new Date().toISOString(),
        };
        await shared.broadcast(LIVE_CHANNEL, JSON.stringify(event));
        await new Promise((resolve) => setImmediate(resolve));
      }
      let got = 0;
      while (got < EVENTS) {
        const result = await reading.next();
        expect(result?.data?.["factsHorizonMoved"]?.["operation"]).toBe(operation);
        got++;
      }
      const closed = new Promise<number>((resolve) => stalled.once("close", (code) => resolve(code)));
      (stalled as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await closed).toBe(1008);
    });
  });
}
