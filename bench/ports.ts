import { createServer } from "node:net";
import type { AddressInfo } from "node:net";

/** A TCP port free on 127.0.0.1 a moment ago: for a process that is told its port before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
