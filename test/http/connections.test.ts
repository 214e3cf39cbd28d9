import { request } from "node:http";
import { connect } from "node:net";
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { BUILT_MAIN } from "../support/paths";
import { HubProcess } from "../support/process";

interface Answer {
  status: number;
  ms: number;
  body: string;
}

/** One request on a connection of its own, from `localAddress`. */
function ask(url: URL, path: string, localAddress: string, body?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: body === undefined ? "GET" : "POST",
        localAddress,
        agent: false,
        headers: body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: text }));
      },
    );
    call.on("error", reject);
    call.end(body);
  });
}

interface RawSocket {
  socket: Socket;
  /** What the hub sent on it. */
  received: () => string;
  /** Settles when the connection is closed, by either side. */
  closed: Promise<void>;
}

/** Opens `count` TCP connections from `localAddress`, reading what comes back; resolves once each is connected or closed. */
async function sockets(url: URL, count: number, localAddress: string): Promise<RawSocket[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<RawSocket>((resolve) => {
          const socket = connect({ host: url.hostname, port: Number(url.port), localAddress });
          let text = "";
          socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
          socket.on("error", () => {});
          const closed = new Promise<void>((done) => socket.once("close", () => done()));
          const raw = { socket, received: () => text, closed };
          socket.once("connect", () => resolve(raw));
          void closed.then(() => resolve(raw));
        }),
    ),
  );
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
}

async function startHub(extra: string[] = []): Promise<{ hub: HubProcess; url: URL }> {
  // In memory on either pass of the suite: what is tested is the door, and a hub on the suite's PostgreSQL would
  // rewrite its reporting tables under the other test files.
  const hub = new HubProcess(process.execPath, [BUILT_MAIN, "--memory", "--port", "0", "--rate-limit-burst", "0", ...extra]);
  const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
  return { hub, url: new URL(url.replace("localhost", "127.0.0.1")) };
}

/**
 * The probes that held the hub's connections from one address (kept-alive sockets,
 * slowloris) while another client is served, and SIGTERM with requests the kernel had
 * accepted but the busy hub had not read. Clients bind 127.0.0.1 and 127.0.0.2 (both
 * loopback) to be two addresses.
 */
describe("connections from the open internet", () => {
  it("1,030 kept-alive sockets from one address polling /healthz: another address is answered throughout", async () => {
    const { hub, url } = await startHub();
    // Asked once before the flood: the first answer compiles the query, which is the hub's start, not the flood.
    expect((await ask(url, "/graphql", "127.0.0.2", JSON.stringify({ query: "{ about { name } }" }))).status).toBe(200);
    const flood = await sockets(url, 1030, "127.0.0.1");
    const poll = () => {
      for (const { socket } of flood) if (!socket.destroyed) socket.write("GET /healthz HTTP/1.1\r\nhost: hub\r\n\r\n");
    };
    const polling = setInterval(poll, 4000);
    try {
      poll();
      const answers: Answer[] = [];
      for (let i = 0; i < 40; i++) answers.push(await ask(url, "/graphql", "127.0.0.2", JSON.stringify({ query: "{ about { name } }" })));
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => 200));
      expect(p99(answers.map((a) => a.ms)), `answer times (ms): ${answers.map((a) => Math.round(a.ms)).join(", ")}`).toBeLessThan(1000);
      // One address holds at most its share: the hub closed the rest, its longest idle first, or refused them with a reason.
      const open = flood.filter(({ socket }) => !socket.destroyed).length;
      expect(open).toBeLessThanOrEqual(256);
    } finally {
      clearInterval(polling);
      for (const { socket } of flood) socket.destroy();
      hub.kill("SIGTERM");
      expect((await hub.exited).code).toBe(0);
    }
  });

  it("1,100 slowloris sockets from one address: another address is answered, and each slow socket is closed at its deadline", async () => {
    const { hub, url } = await startHub(["--headers-timeout-ms", "2000"]);
    const slow = await sockets(url, 1100, "127.0.0.1");
    // A header line now and then, never the end of the headers.
    for (const { socket } of slow) socket.write("GET /healthz HTTP/1.1\r\n");
    const drip = setInterval(() => {
      for (const { socket } of slow) if (!socket.destroyed) socket.write("x-slow: 1\r\n");
    }, 500);
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 40; i++) answers.push(await ask(url, "/graphql", "127.0.0.2", JSON.stringify({ query: "{ about { name } }" })));
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => 200));
      expect(p99(answers.map((a) => a.ms)), `answer times (ms): ${answers.map((a) => Math.round(a.ms)).join(", ")}`).toBeLessThan(1000);
      // None of them can hold a slot: the hub closes every one (refused at the door, or at its headers' deadline).
      await Promise.all(slow.map(({ closed }) => closed));
    } finally {
      clearInterval(drip);
      for (const { socket } of slow) socket.destroy();
      hub.kill("SIGTERM");
      expect((await hub.exited).code).toBe(0);
    }
  });

  it("SIGTERM just after 50 heavy requests connect to a busy hub: all 50 are answered, then it exits 0", async () => {
    const { hub, url } = await startHub();
    const heavy = JSON.stringify({
      query:
        '{ association { votingMembers(asOf: "2020-12-31", first: 100) { totalCount nodes { slug votingRights(asOf: "2020-06-15") { eligible } } } } }',
    });
    // Keep the hub busy, so it reads new connections late.
    const busy = Array.from({ length: 20 }, () => ask(url, "/graphql", "127.0.0.1", heavy));
    let connected = 0;
    let signalled: () => void = () => {};
    const allConnected = new Promise<void>((resolve) => (signalled = resolve));
    const answers = Array.from({ length: 50 }, () => {
      const started = performance.now();
      return new Promise<Answer>((resolve, reject) => {
        const call = request(
          {
            host: url.hostname,
            port: url.port,
            path: "/graphql",
            method: "POST",
            agent: false,
            headers: { "content-type": "application/json", "content-length": Buffer.byteLength(heavy) },
          },
          (response) => {
            let text = "";
            response.on("data", (chunk: Buffer) => (text += chunk.toString()));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: text }));
          },
        );
        call.on("error", reject);
        call.on("socket", (socket) =>
          socket.once("connect", () => {
            if (++connected === 50) signalled();
          }),
        );
        call.end(heavy);
      });
    });
    // The kernel has accepted all 50 (each socket connected): the signal comes now, before the hub has read them.
    await allConnected;
    hub.kill("SIGTERM");
    const done = await Promise.all(answers);
    expect(done.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 200));
    expect(done.every((a) => a.body.includes('"totalCount":78'))).toBe(true);
    await Promise.allSettled(busy);
    expect((await hub.exited).code).toBe(0);
  });
});
