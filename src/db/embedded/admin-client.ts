import { request } from "node:http";
import { StartupError } from "../startup-error";

/**
 * A request to the running hub's admin socket (src/http/admin-socket.ts): how a CLI
 * works on a data folder a hub owns. Resolves with the status and the body.
 */
export function askRunningHub(
  socketPath: string,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Buffer }> {
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const call = request(
      {
        socketPath,
        method,
        path,
        headers: {
          "x-cli-pid": String(process.pid),
          ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    call.on("error", (error) =>
      reject(new StartupError(`cannot reach the running hub at ${socketPath}: ${error.message}`, { cause: error })),
    );
    call.end(payload ?? undefined);
  });
}
