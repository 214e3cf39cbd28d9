import { connect, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { BUILT_MAIN } from "./support/paths";
import { HubProcess } from "./support/process";

function runHub(args: string[]) {
  return new HubProcess(process.execPath, [BUILT_MAIN, ...args]).exited;
}

describe("npm start", () => {
  it("--help lists the settings and exits 0", async () => {
    const exit = await runHub(["--help"]);
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain("DATABASE_POOL_SIZE");
  });

  it.each([
    [
      ["--database-url", "not-a-url"],
      'near-data-hub: DATABASE_URL is not a valid URL: "not-a-url" (expected postgres://user@host:port/database)',
    ],
    [["--port", "http"], 'near-data-hub: PORT must be a whole number, got "http"'],
    [["--frobnicate"], 'near-data-hub: unknown argument "--frobnicate" (see --help)'],
    [
      ["--database-url", "postgres://postgres@127.0.0.1:1/nowhere"],
      "near-data-hub: cannot open the database at PostgreSQL 127.0.0.1:1/nowhere: connect ECONNREFUSED 127.0.0.1:1",
    ],
  ])("%o: one clear line on stderr, exit code 1, no stack trace", async (args, line) => {
    const exit = await runHub(args);
    expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: 1, stderr: `${line}\n` });
  });

  it("a port already taken: one clear line, exit code 1, before any database work", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const exit = await runHub(["--memory", "--port", String(port)]);
      expect({ code: exit.code, stderr: exit.stderr }).toEqual({
        code: 1,
        stderr: `near-data-hub: listen EADDRINUSE: address already in use 127.0.0.1:${port} (choose another PORT)\n`,
      });
    } finally {
      blocker.close();
    }
  });

  it("starts on an in-memory database from the build's seeded image, serves, and on SIGTERM finishes the request in flight before exiting 0", async () => {
    const hub = new HubProcess(process.execPath, [BUILT_MAIN, "--memory", "--port", "0", "--log-level", "info"]);
    const [, url] = await hub.waitForOutput(/GraphiQL: (http:\/\/\S+)\/graphql/);
    expect(hub.stdout).toContain("empty database: starting from the build's image of the migrated, seeded database");

    // A request held open mid-body: the server has begun it when SIGTERM arrives.
    const body = JSON.stringify({ query: "{ governments(first: 100) { totalCount } }" });
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    const answered = new Promise<void>((resolve) => socket.on("end", resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.slice(0, 10));
    const [line] = await hub.waitForOutput(/^.*"msg":"incoming request".*$/m);
    // JSON log lines, each request's carrying its id.
    const logged = JSON.parse(line) as { reqId?: string; req?: { url?: string } };
    expect(logged).toMatchObject({ reqId: expect.stringMatching(/^[0-9a-f-]{36}$/), req: { url: "/graphql" } });
    hub.kill("SIGTERM");
    await hub.waitForOutput(/shutting down/);
    socket.write(body.slice(10));
    await answered;
    expect(answer).toMatch(/^HTTP\/1.1 200 OK/);
    expect(answer).toContain('{"data":{"governments":{"totalCount":82}}');
    expect((await hub.exited).code).toBe(0);
    expect(hub.stdout).toContain('"msg":"stopped"');
  });
});
