import { spawn } from "node:child_process";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/core/paths";

/** The built hub (npm test builds it first), as a newcomer runs it. */
const MAIN = join(projectRoot(), "dist", "src", "main.js");

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runHub(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env["PATH"] ?? "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("npm start", () => {
  it("--help lists the settings and exits 0", async () => {
    const exit = await runHub(["--help"]);
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain("DATABASE_POOL_SIZE");
  });

  it.each([
    [["--database-url", "not-a-url"], 'near-data-hub: DATABASE_URL is not a valid URL: "not-a-url" (expected postgres://user@host:port/database)'],
    [["--port", "http"], 'near-data-hub: PORT must be a whole number, got "http"'],
    [
      ["--database-url", "postgres://postgres@127.0.0.1:1/nowhere"],
      "near-data-hub: cannot open the database at PostgreSQL 127.0.0.1:1/nowhere: connect ECONNREFUSED 127.0.0.1:1",
    ],
  ])("%o: one clear line on stderr, exit code 1, no stack trace", async (args, line) => {
    const exit = await runHub(args);
    expect({ code: exit.code, stderr: exit.stderr }).toEqual({ code: 1, stderr: `${line}\n` });
  });

  it("a port already taken: one clear line, exit code 1", async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)));
    try {
      const exit = await runHub(["--memory", "--port", String(port), "--log-level", "silent"]);
      expect(exit.code).toBe(1);
      expect(exit.stderr).toBe(`near-data-hub: listen EADDRINUSE: address already in use 127.0.0.1:${port} (choose another PORT)\n`);
    } finally {
      blocker.close();
    }
  });

  it("starts on an in-memory database, serves, and on SIGTERM finishes the request in flight before exiting 0", async () => {
    const child = spawn(process.execPath, [MAIN, "--memory", "--port", "0", "--log-level", "info"], { env: { PATH: process.env["PATH"] ?? "" } });
    let stdout = "";
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no GraphiQL line in:\n${stdout}`)), 45_000);
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /GraphiQL: (http:\/\/\S+)\/graphql/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(stdout).toContain("government               inserted 82");
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

    // A request held open mid-body: the server has begun it when SIGTERM arrives.
    const body = JSON.stringify({ query: "{ governments(first: 100) { totalCount } }" });
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    const answered = new Promise<void>((resolve) => socket.on("end", resolve));
    socket.write(`POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`);
    socket.write(body.slice(0, 10));
    await waitFor(() => stdout.includes('"msg":"incoming request"'));
    // JSON log lines, each request's carrying its id.
    const logged = JSON.parse(stdout.split("\n").find((line) => line.includes('"msg":"incoming request"'))!) as { reqId?: string; req?: { url?: string } };
    expect(logged).toMatchObject({ reqId: expect.stringMatching(/^[0-9a-f-]{36}$/), req: { url: "/graphql" } });
    child.kill("SIGTERM");
    await waitFor(() => stdout.includes("shutting down"));
    socket.write(body.slice(10));
    await answered;
    expect(answer).toMatch(/^HTTP\/1.1 200 OK/);
    expect(answer).toContain('{"data":{"governments":{"totalCount":82}}');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
  });
});
