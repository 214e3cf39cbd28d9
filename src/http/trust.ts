import type { IncomingMessage } from "node:http";
import proxyaddr, { compile } from "@fastify/proxy-addr";
import type { TrustProxy } from "../config";

/**
 * Which hops of a request's path the hub trusts (Fastify's `trustProxy` as a function:
 * the TCP peer is hop 0, then `X-Forwarded-For` from the right): the client is the first
 * address, from the right, that this does not trust. False: no proxy, the TCP peer is
 * the client.
 */
export function trustedHops(trust: TrustProxy): ((address: string, hop: number) => boolean) | false {
  if (trust === false) return false;
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return compile([...trust]);
}

/**
 * Whether a TCP peer is a trusted proxy, carrying many clients' connections: a number of
 * hops trusts every peer (whatever connects is the proxy in front), a list only its own.
 */
export function trustsPeer(trust: TrustProxy): (address: string) => boolean {
  const hops = trustedHops(trust);
  return hops === false ? () => false : (address) => hops(address, 0);
}

/**
 * The client's address for a request Fastify does not route (a WebSocket upgrade), as
 * Fastify's `request.ip` gives it for one it does: behind a proxy, the peer is the proxy.
 */
export function clientAddressOf(request: IncomingMessage, trust: TrustProxy): string | undefined {
  const hops = trustedHops(trust);
  return hops === false ? request.socket.remoteAddress : proxyaddr(request, hops);
}
