import pino from "pino";
import type { Logger } from "pino";

/** The hub's logger with nothing written: tests assert on responses, not on log lines. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}

/** The hub's logger at `warn`, keeping each line it writes (parsed) for a test to read. */
export function recordingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "warn" }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}
