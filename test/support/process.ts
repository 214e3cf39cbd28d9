import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Every process a test file started and that has not exited yet. */
const running = new Set<HubProcess>();

/**
 * Kills what a test file left running (an assertion that failed before the test's own
 * `kill`): called after each file, so no hub outlives the file that started it.
 */
export async function killLeftoverProcesses(): Promise<void> {
  const left = [...running];
  for (const hub of left) hub.kill("SIGKILL");
  await Promise.all(left.map((hub) => hub.exited));
}

/**
 * A process of the hub's with its output collected, and a way to wait for a line:
 * tests wait on what the process says, never on a clock, so a busy machine only
 * makes them slower.
 */
export class HubProcess {
  stdout = "";
  stderr = "";
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcessWithoutNullStreams;
  private waiters: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];

  constructor(command: string, args: readonly string[], env: Record<string, string> = {}) {
    this.child = spawn(command, args, { env: { PATH: process.env["PATH"] ?? "", ...env } });
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.stdout += chunk.toString();
      this.check();
    });
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      this.child.on("close", (code) => {
        running.delete(this);
        resolve({ code, stdout: this.stdout, stderr: this.stderr });
      }),
    );
    running.add(this);
  }

  /** Resolves with the first match of `pattern` in stdout; rejects if the process ends first. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray> {
    const found = pattern.exec(this.stdout);
    if (found) return Promise.resolve(found);
    const seen = new Promise<RegExpExecArray>((resolve) => this.waiters.push({ pattern, resolve }));
    const ended = this.exited.then((exit) => {
      throw new Error(`the process exited (${String(exit.code)}) before printing ${String(pattern)}:\n${exit.stdout}\n${exit.stderr}`);
    });
    return Promise.race([seen, ended]);
  }

  /** Resolves once stdout holds `count` lines that contain `text`. */
  async waitForLines(text: string, count: number): Promise<void> {
    const enough = () => this.stdout.split("\n").filter((line) => line.includes(text)).length >= count;
    if (enough()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (enough()) {
          this.child.stdout.off("data", check);
          resolve();
        }
      };
      this.child.stdout.on("data", check);
      void this.exited.then(() => reject(new Error(`the process exited before printing ${count} lines with "${text}"`)));
      check();
    });
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  private check(): void {
    this.waiters = this.waiters.filter(({ pattern, resolve }) => {
      const match = pattern.exec(this.stdout);
      if (match) resolve(match);
      return !match;
    });
  }
}
