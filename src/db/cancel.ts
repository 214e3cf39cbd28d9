import { connect } from "node:net";
import { serialize } from "pg-protocol";

/** What a `pg` client knows of its server and of the backend it talks to. */
export interface CancellableClient {
  readonly host: string;
  readonly port: number;
  readonly processID: number | null;
  readonly secretKey: number | null;
}

/** A cancel that cannot reach the server gives up after this; `statement_timeout` still ends the statement. */
const CANCEL_CONNECT_MS = 5000;

/**
 * Asks PostgreSQL to cancel what a client's backend runs now, as `libpq` does: a
 * CancelRequest (the backend's process id and secret key) on a connection of its own,
 * sent in the clear and needing no login. So a cancel needs no connection from the
 * pool (which may be exhausted by the very requests being cancelled) and reaches the
 * server the client talks to, whatever it is. The server signals the backend before it
 * closes the connection, so once this resolves the backend has been told; a backend
 * that is between statements ignores the signal. Never rejects: a cancel that fails
 * leaves the statement to `statement_timeout`.
 */
export function cancelRunningStatement(client: CancellableClient): Promise<void> {
  const { processID, secretKey } = client;
  if (processID === null || secretKey === null) return Promise.resolve();
  return new Promise((resolve) => {
    const socket = client.host.startsWith("/") ? connect(`${client.host}/.s.PGSQL.${client.port}`) : connect(client.port, client.host);
    socket.setTimeout(CANCEL_CONNECT_MS, () => socket.destroy());
    socket.once("connect", () => socket.end(serialize.cancel(processID, secretKey)));
    socket.once("error", () => {});
    socket.once("close", () => resolve());
    // The server answers nothing; reading keeps the socket flowing until it closes.
    socket.resume();
  });
}
