import { connect, createServer } from "node:net";
import type { AddressInfo, Server, Socket } from "node:net";

/**
 * A TCP relay in front of PostgreSQL that counts the statements its clients send:
 * each simple-query message (`Q`) and each extended-protocol execute (`E`). Both
 * servers of the benchmark reach the database through one of these, so "statements
 * per request" is counted the same way for both, with no extension on the server.
 */
export class StatementCounter {
  count = 0;
  private readonly server: Server;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => this.relay(client));
  }

  static async start(target: { host: string; port: number }): Promise<StatementCounter> {
    const counter = new StatementCounter(target);
    await new Promise<void>((resolve) => counter.server.listen(0, "127.0.0.1", resolve));
    return counter;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  private relay(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    // Forward each chunk at once, as the drivers on both ends do (they turn Nagle's
    // algorithm off): with it on, a reply split over two writes waits for the client's
    // delayed ACK, and a server whose protocol exchange splits that way (the hub's did:
    // p50 42 ms, nowhere near its CPU time) is measured slower than it is.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let buffered = Buffer.alloc(0);
    // The start-up message has no type byte; every later client message is type, then a 4-byte length.
    let started = false;
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        if (!started) {
          if (buffered.length < 4) break;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) break;
          // An SSL request is answered with one byte and followed by the real start-up message.
          const sslRequest = length === 8 && buffered.readInt32BE(4) === 80877103;
          buffered = buffered.subarray(length);
          if (!sslRequest) started = true;
          continue;
        }
        if (buffered.length < 5) break;
        const length = buffered.readInt32BE(1);
        if (buffered.length < 1 + length) break;
        const type = String.fromCharCode(buffered[0]);
        if (type === "Q" || type === "E") this.count++;
        buffered = buffered.subarray(1 + length);
      }
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
