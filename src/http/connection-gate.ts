import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo, Server, Socket } from "node:net";
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { FastifyBaseLogger } from "fastify";

export interface GateSettings {
  /** Open connections at once (MAX_CONNECTIONS). */
  maxConnections: number;
  /** Open connections from one address that is not a trusted proxy (MAX_CONNECTIONS_PER_ADDRESS). */
  maxPerAddress: number;
  /** Time a connection has to send a request's headers, its first or its next (HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Time a request has to arrive whole once its headers have (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Peers that carry many clients' connections (trusted proxies): no per-address limit. */
  isTrustedPeer: (address: string) => boolean;
}

interface Connection {
  socket: Socket;
  address: string;
  /** Requests this connection has sent, and those not yet answered. */
  requests: number;
  inFlight: number;
  /** Since when (performance.now()) it has waited, answered, for its next request. */
  idleSince: number;
  /** The headers or body deadline running now. */
  timer: NodeJS.Timeout | null;
}

/** Above this share of MAX_CONNECTIONS, idle kept-alive connections are closed, longest idle first, to make room. */
const ROOM_SHARE = 0.9;

/** Longest a shutdown waits for the kernel's queue of accepted connections to empty. */
const ACCEPT_QUEUE_WAIT_MS = 2000;
/** Where the queue's length cannot be read: a moment without a new connection ends the wait. */
const QUIET_MS = 100;

/**
 * Connections the kernel has accepted on a listening TCP port and the process has not
 * taken yet (Linux: `rx_queue` of the listening socket in /proc/net/tcp and tcp6); null
 * where that cannot be read.
 */
async function acceptQueueLength(port: number): Promise<number | null> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  let found: number | null = null;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = await readFile(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDRESS:PORT in hex; state 0A is LISTEN; tx_queue:rx_queue in hex.
      if (fields.length < 5 || fields[3] !== "0A" || !fields[1].endsWith(`:${hexPort}`)) continue;
      found = (found ?? 0) + Number.parseInt(fields[4].split(":")[1], 16);
    }
  }
  return found;
}

/** How long a refused connection may take to read its refusal before it is cut. */
const TURN_AWAY_MS = 1000;

/** Sends the refusal and closes; a client that does not read it is cut, so a refused socket holds nothing for long. */
function turnAway(socket: Socket, answer: string): void {
  socket.setTimeout(TURN_AWAY_MS, () => socket.destroy());
  socket.end(answer);
}

/** A refusal at the door, in HTTP, so a client reads why instead of a reset. */
function refusal(status: 429 | 503, message: string): string {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: status === 429 ? "RATE_LIMITED" : "SERVICE_UNAVAILABLE" } }] });
  const reason = status === 429 ? "Too Many Requests" : "Service Unavailable";
  return `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nretry-after: 5\r\ncache-control: no-store\r\nconnection: close\r\n\r\n${body}`;
}

/**
 * The hub's door: it owns the listening socket and hands each connection it admits to
 * the HTTP server (Node's documented `'connection'` event), so it decides what one
 * client may hold and what a shutdown does with what the kernel has accepted.
 *
 * - One address may hold MAX_CONNECTIONS_PER_ADDRESS connections (a trusted proxy: any
 *   number), so one client cannot fill MAX_CONNECTIONS; past it, its own longest-idle
 *   connection is closed to make room, or the new one is refused 429.
 * - Near MAX_CONNECTIONS, idle kept-alive connections are closed first, longest idle
 *   first; at it, a new connection is refused 503.
 * - A connection has HEADERS_TIMEOUT_MS to send each request's headers and
 *   REQUEST_TIMEOUT_MS for the rest, checked per connection (a slow sender cannot hold a
 *   slot): a slowloris client is closed at its deadline.
 * - On shutdown (`drain`) it first admits what the kernel has queued (the listening
 *   socket's accept queue, read from /proc on Linux), then stops listening; a connection that has not sent its request yet is read and answered, one
 *   in flight finishes, both with `Connection: close`; an idle kept-alive one is closed.
 */
export class ConnectionGate {
  private readonly listener: Server;
  private readonly open = new Map<Socket, Connection>();
  private readonly perAddress = new Map<string, number>();
  private draining = false;
  private drained: (() => void) | null = null;
  /** When (performance.now()) the last connection was admitted. */
  private lastAdmitted = 0;

  constructor(
    private readonly server: HttpServer,
    private readonly settings: GateSettings,
    private readonly log: FastifyBaseLogger,
  ) {
    this.listener = createServer({ noDelay: true }, (socket) => this.admit(socket));
    // First of the request listeners: a response during shutdown must carry `Connection: close` before it is written.
    server.prependListener("request", (request: IncomingMessage, response: ServerResponse) => this.started(request, response));
    server.prependListener("upgrade", (request: IncomingMessage) => this.upgraded(request));
  }

  /** Whether a shutdown has begun: /readyz says so, so load balancers stop sending. */
  get closing(): boolean {
    return this.draining;
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.listener.once("error", reject);
      this.listener.listen({ port, host }, () => {
        this.listener.off("error", reject);
        resolve(this.listener.address() as AddressInfo);
      });
    });
  }

  /** Connections open now: for tests and metrics. */
  get connections(): number {
    return this.open.size;
  }

  /**
   * Waits until the kernel's accept queue of the listening socket is empty, so every
   * connection it accepted before the shutdown is admitted: closing the socket would reset
   * them. On Linux the queue's length is the listening socket's `rx_queue` in
   * /proc/net/tcp; elsewhere, until no connection has come for a moment. At most
   * ACCEPT_QUEUE_WAIT_MS either way.
   */
  private async admitQueued(): Promise<void> {
    const { port } = this.listener.address() as AddressInfo;
    const started = performance.now();
    while (performance.now() - started < ACCEPT_QUEUE_WAIT_MS) {
      // A turn of the event loop: its poll phase accepts what the kernel has queued.
      await new Promise((resolve) => setTimeout(resolve, 1));
      const queued = await acceptQueueLength(port);
      if (queued === 0) return;
      if (queued === null && performance.now() - this.lastAdmitted > QUIET_MS) return;
    }
  }

  private admit(socket: Socket): void {
    this.lastAdmitted = performance.now();
    const address = (socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    if (this.draining) {
      socket.destroy();
      return;
    }
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (!this.settings.isTrustedPeer(address) && fromAddress >= this.settings.maxPerAddress && !this.closeIdle(address)) {
      turnAway(socket, refusal(429, `Too many connections from your address: at most ${this.settings.maxPerAddress} at once.`));
      return;
    }
    if (this.open.size >= this.settings.maxConnections * ROOM_SHARE) this.closeIdle(null);
    if (this.open.size >= this.settings.maxConnections) {
      turnAway(socket, refusal(503, "The hub is at its connection limit. Retry later."));
      return;
    }
    const connection: Connection = { socket, address, requests: 0, inFlight: 0, idleSince: performance.now(), timer: null };
    this.open.set(socket, connection);
    // Counted again: closing an idle connection of the same address above made room.
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    this.expect(connection, this.settings.headersTimeoutMs);
    socket.once("close", () => this.closed(connection));
    this.server.emit("connection", socket);
  }

  /** Closes the longest-idle kept-alive connection (of `address`, or of anyone); whether there was one. */
  private closeIdle(address: string | null): boolean {
    let oldest: Connection | null = null;
    for (const connection of this.open.values()) {
      if (connection.inFlight > 0 || connection.requests === 0) continue;
      if (address !== null && connection.address !== address) continue;
      if (oldest === null || connection.idleSince < oldest.idleSince) oldest = connection;
    }
    if (oldest === null) return false;
    this.forget(oldest);
    oldest.socket.destroy();
    return true;
  }

  /** Gives the connection `ms` to send what it owes (headers, or the rest of a request), then closes it. */
  private expect(connection: Connection, ms: number): void {
    if (connection.timer) clearTimeout(connection.timer);
    connection.timer = setTimeout(() => {
      connection.timer = null;
      connection.socket.destroy();
    }, ms);
    connection.timer.unref();
  }

  private started(request: IncomingMessage, response: ServerResponse): void {
    const connection = this.open.get(request.socket);
    if (!connection) return;
    connection.requests++;
    connection.inFlight++;
    if (this.draining) response.setHeader("connection", "close");
    // Headers are in; the body has REQUEST_TIMEOUT_MS to follow.
    this.expect(connection, this.settings.requestTimeoutMs);
    request.once("end", () => {
      if (connection.timer) clearTimeout(connection.timer);
      connection.timer = null;
    });
    response.once("close", () => {
      connection.inFlight--;
      if (connection.inFlight > 0) return;
      connection.idleSince = performance.now();
      if (this.draining) connection.socket.end();
      // Kept alive: the next request's headers have HEADERS_TIMEOUT_MS, as the first's had.
      else this.expect(connection, this.settings.headersTimeoutMs);
    });
  }

  /**
   * A WebSocket: its headers are in, and from now on it is a subscription's, with
   * pings of its own (src/http/live.ts). In flight until it closes, so neither the
   * headers' timer nor room for others closes it; a shutdown closes subscriptions first.
   */
  private upgraded(request: IncomingMessage): void {
    const connection = this.open.get(request.socket);
    if (!connection) return;
    if (connection.timer) clearTimeout(connection.timer);
    connection.timer = null;
    connection.requests++;
    connection.inFlight++;
  }

  private forget(connection: Connection): void {
    if (!this.open.delete(connection.socket)) return;
    if (connection.timer) clearTimeout(connection.timer);
    const left = (this.perAddress.get(connection.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(connection.address, left);
    else this.perAddress.delete(connection.address);
  }

  private closed(connection: Connection): void {
    this.forget(connection);
    if (this.draining && this.open.size === 0) this.drained?.();
  }

  /**
   * Shutdown: accepts what the kernel has already queued, stops listening, answers every
   * connection that has sent or is sending a request, closes the idle kept-alive ones, and
   * resolves once none is open.
   */
  async drain(): Promise<void> {
    await this.admitQueued();
    this.draining = true;
    // Stops listening at once; its callback would wait for every connection, which `done` below does.
    this.listener.close();
    const done = new Promise<void>((resolve) => {
      this.drained = resolve;
    });
    for (const connection of [...this.open.values()]) {
      // Idle between requests: nothing owed to it. A connection yet to send its first request is waited for.
      if (connection.inFlight === 0 && connection.requests > 0) connection.socket.destroy();
    }
    if (this.open.size > 0) {
      this.log.info({ connections: this.open.size }, "shutting down: answering the connections already accepted");
      await done;
    }
  }
}
