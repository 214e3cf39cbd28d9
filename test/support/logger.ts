import pino from "pino";
import type { Logger } from "pino";

/** The hub's logger with nothing written: tests assert on responses, not on log lines. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
