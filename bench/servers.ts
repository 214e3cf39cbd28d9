/**
 * What the benchmarks share: starting a server process and waiting for it, asking it a
 * query, counting its statements on the wire, and one autocannon round with the
 * process's CPU time and peak RSS.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { closeSync, createWriteStream, existsSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { freePort } from "./ports";
import type { StatementCounter } from "./statement-counter";

export interface Server {
  name: string;
  child: ChildProcess;
  url: string;
  peakRss: number;
  /** The relay its database connections go through; null for the embedded database (no wire to count on). */
  counter: StatementCounter | null;
  /** The file its standard output (the hub's log lines) goes to. */
  log: string;
}

let logFolder: string | null = null;

/** A file for a server's standard output, in one folder per bench run (kept: a failed round points at it). */
function logFileFor(name: string): string {
  logFolder ??= mkdtempSync(join(tmpdir(), "near-bench-logs-"));
  const base = name.replace(/\W+/g, "-").replace(/^-|-$/g, "");
  let path = join(logFolder, `${base}.log`);
  for (let n = 2; existsSync(path); n++) path = join(logFolder, `${base}-${n}.log`);
  return path;
}

/** The last lines a server logged, to say why one of its rounds failed. */
function tailOf(path: string, lines = 5): string {
  const text = existsSync(path) ? readFileSync(path, "utf8").trimEnd() : "";
  return text === "" ? "(nothing logged)" : text.split("\n").slice(-lines).join("\n");
}

export function procStat(pid: number): { cpuMs: number; rssMb: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second here).
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return { cpuMs: ticks * 10, rssMb: Number(rss?.replace(/\D+/g, "") ?? 0) / 1024 };
}

export async function start(
  name: string,
  command: string,
  args: string[],
  port: number,
  counter: StatementCounter | null,
): Promise<Server> {
  const log = logFileFor(name);
  const output = openSync(log, "a");
  const child = spawn(command, args, {
    env: { PATH: process.env["PATH"] ?? "", NODE_ENV: "production" },
    stdio: ["ignore", output, "inherit"],
  });
  // The child has its own copy of the descriptor.
  closeSync(output);
  const exited = new Promise<never>((_resolve, reject) =>
    child.on("exit", (code) => reject(new Error(`${name} exited (${String(code)})`))),
  );
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const up = await Promise.race([
      fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) return { name, child, url, peakRss: procStat(child.pid!).rssMb, counter, log };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The built hub's main, and the Node flags its `#!` line gives (as `npm start` does): the bench runs it as users do. */
export const HUB_MAIN = join(__dirname, "..", "src", "main.js");

export function hubNodeFlags(main: string = HUB_MAIN): string[] {
  const first = readFileSync(main, "utf8").split("\n", 1)[0] ?? "";
  const shebang = /^#!\/usr\/bin\/env -S node (.*)$/.exec(first);
  return shebang ? shebang[1].split(" ").filter(Boolean) : [];
}

/** The hub's flags under every bench: on `port`, warnings only, rate limits off and (unless `cache`) the response cache off. */
export function benchHubFlags(port: number, cache = false): string[] {
  return ["--port", String(port), "--log-level", "warn", "--rate-limit-burst", "0", ...(cache ? [] : ["--cache-max-age", "0"])];
}

/**
 * Starts the built hub as the benchmarks run it: the production build, warnings only,
 * rate limits off and (unless `cache`) the response cache off, so every request executes.
 */
export async function startHub(
  name: string,
  options: { where: string[]; counter: StatementCounter | null; node?: string; cache?: boolean; extra?: string[] },
): Promise<Server> {
  const port = await freePort();
  const args = [...hubNodeFlags(), HUB_MAIN, ...options.where, ...(options.extra ?? []), ...benchHubFlags(port, options.cache)];
  return start(name, options.node ?? process.execPath, args, port, options.counter);
}

/**
 * Starts the built hub as a user would and times it from the spawn to the line it
 * prints once it listens (waited on, not polled): a start-up time to the millisecond.
 */
export async function startTimed(name: string, args: string[], port: number): Promise<{ server: Server; startMs: number }> {
  const started = performance.now();
  const log = logFileFor(name);
  const child = spawn(process.execPath, [...hubNodeFlags(), HUB_MAIN, ...args, "--port", String(port), "--log-level", "info"], {
    env: { PATH: process.env["PATH"] ?? "", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (/"msg":"Server listening at /.test(seen)) {
        child.stdout.off("data", onData);
        // From here on its warnings and errors only: at info it logs every request of the rounds.
        const file = createWriteStream(log);
        file.write(seen);
        createInterface({ input: child.stdout }).on("line", (line) => {
          if (/"level":[4-6]\d/.test(line)) file.write(`${line}\n`);
        });
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${name} exited (${String(code)}) before listening`)));
  });
  const startMs = performance.now() - started;
  return { server: { name, child, url: `http://127.0.0.1:${port}`, peakRss: procStat(child.pid!).rssMb, counter: null, log }, startMs };
}

/** Stops a server and waits for its exit (SIGKILL if it has not gone 10 s after SIGTERM). */
export async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  const force = setTimeout(() => server.child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(force);
}

export async function ask(server: Server, query: string): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

/**
 * Statements the server sends per request, counted on the wire by its own relay
 * (bench/statement-counter.ts) over sequential requests; the hub's readiness probe,
 * which sends a few a second, is taken off as measured over an idle window.
 */
export async function statementsPerRequest(server: Server, query: string): Promise<number> {
  if (!server.counter) throw new Error(`${server.name} has no statement counter`);
  const idleFrom = server.counter.count;
  const idleStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idleRate = (server.counter.count - idleFrom) / (performance.now() - idleStarted);
  const requests = 50;
  const from = server.counter.count;
  const started = performance.now();
  for (let i = 0; i < requests; i++) await ask(server, query);
  return (server.counter.count - from - idleRate * (performance.now() - started)) / requests;
}

export interface Measure {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
}

export async function round(server: Server, query: string, seconds: number, connections: number, get = false): Promise<Measure> {
  const before = procStat(server.child.pid!);
  const sampler = setInterval(() => (server.peakRss = Math.max(server.peakRss, procStat(server.child.pid!).rssMb)), 250);
  let refused: string | null = null;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        ...(get
          ? {
              url: `${server.url}/graphql?${new URLSearchParams({ query }).toString()}`,
              method: "GET" as const,
              headers: { accept: "application/json" },
            }
          : {
              url: `${server.url}/graphql`,
              method: "POST" as const,
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ query }),
            }),
        connections,
        duration: seconds,
        // The first answer that was not 2xx, body and all, to say why a round failed (the request is the one above).
        requests: [
          {
            onResponse: (status: number, body: string) => {
              if (status >= 300 && refused === null) refused = `HTTP ${status}: ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
  });
  clearInterval(sampler);
  const after = procStat(server.child.pid!);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${server.name}: ${result.non2xx} non-2xx, ${result.errors} errors; the first: ${refused ?? "none answered"}\n` +
        `the end of its log (${server.log}):\n${tailOf(server.log)}`,
    );
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: (after.cpuMs - before.cpuMs) / result.requests.total,
  };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
