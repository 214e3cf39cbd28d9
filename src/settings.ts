import { parseArgs } from "node:util";

/**
 * The hub's settings as a user meets them: one table of environment variables and
 * flags with their help and defaults, `--help`, and reading the command line.
 * `config.ts` turns what is read here into a validated Config.
 */

/** A setting the user gave wrongly: main prints the message as one line and exits 1. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

interface Setting {
  env: string;
  flag: string;
  help: string;
  default?: string;
  boolean?: boolean;
}

export const SETTINGS: readonly Setting[] = [
  { env: "PORT", flag: "--port", help: "TCP port to listen on", default: "4000" },
  { env: "HOST", flag: "--host", help: "interface to bind", default: "127.0.0.1" },
  { env: "DATA_DIR", flag: "--data-dir", help: "folder of the embedded PGlite database", default: "./data" },
  {
    env: "DISK_RESERVE_MB",
    flag: "--disk-reserve-mb",
    help: "free space the embedded database's disk keeps: below it, writes are refused (503) and /readyz is not ready",
    default: "64",
  },
  { env: "MEMORY", flag: "--memory", help: "embedded database in memory only (thrown away on exit)", boolean: true },
  {
    env: "DATABASE_URL",
    flag: "--database-url",
    help: "postgres://user:pass@host:port/db; when set, PostgreSQL replaces the embedded database",
  },
  { env: "DATABASE_POOL_SIZE", flag: "--database-pool-size", help: "connections to PostgreSQL", default: "10" },
  {
    env: "DATABASE_PREPARED_STATEMENTS",
    flag: "--database-prepared-statements",
    help: "run statements as named prepared statements on PostgreSQL (false behind a pooler in transaction mode)",
    default: "true",
  },
  {
    env: "LOG_LEVEL",
    flag: "--log-level",
    help: "fatal | error | warn | info | debug | trace | silent; default info, warn for plain lines",
  },
  {
    env: "LOG_FORMAT",
    flag: "--log-format",
    help: "json (one JSON object a line, for log collectors) | plain (one line for people at start, then warnings) | auto (plain in a terminal)",
    default: "auto",
  },
  { env: "SEED", flag: "--seed", help: "load the 2020 seeds into an empty database (true | false)", default: "true" },
  {
    env: "CALENDAR_YEARS_AHEAD",
    flag: "--calendar-years-ahead",
    help: "years past the later of the facts horizon and today that dates may name; later dates are refused",
    default: "5",
  },
  {
    env: "REDIS_URL",
    flag: "--redis-url",
    help: "redis://host:port; shares rate limits, persisted queries and cached answers between replicas",
  },
  {
    env: "WEBHOOK_TIMEOUT_MS",
    flag: "--webhook-timeout-ms",
    help: "longest a webhook receiver may take to answer one delivery",
    default: "10000",
  },
  {
    env: "WEBHOOK_MAX_ATTEMPTS",
    flag: "--webhook-max-attempts",
    help: "deliveries of one event to one webhook before it is marked FAILED",
    default: "8",
  },
  {
    env: "WEBHOOK_RETRY_BASE_MS",
    flag: "--webhook-retry-base-ms",
    help: "wait before a failed delivery's first retry; each later one waits 4 times longer, at most 6 hours",
    default: "5000",
  },
  {
    env: "OUTBOX_RETENTION_DAYS",
    flag: "--outbox-retention-days",
    help: "days a change stays in the outbox (live_event) with its finished webhook deliveries before both are deleted; 0 keeps them",
    default: "30",
  },
  {
    env: "WEBHOOK_ALLOW_LOOPBACK_HTTP",
    flag: "--webhook-allow-loopback-http",
    help: "accept webhook URLs by plain http:// to this machine (127.0.0.1, localhost), for a receiver in development",
    default: "false",
  },
  {
    env: "REDIS_TIMEOUT_MS",
    flag: "--redis-timeout-ms",
    help: "longest one Redis command may take; slower, the hub counts in memory until Redis answers in time again",
    default: "250",
  },
  { env: "METRICS_PORT", flag: "--metrics-port", help: "serve Prometheus metrics at http://HOST:METRICS_PORT/metrics" },
  { env: "CORS_ORIGINS", flag: "--cors-origins", help: "* or a comma-separated list of origins browsers may read from", default: "*" },
  {
    env: "TRUST_PROXY",
    flag: "--trust-proxy",
    help: "proxies in front of the hub, whose X-Forwarded-For names the client: false, their number (1 for one load balancer), or their addresses and CIDRs",
    default: "false",
  },
  {
    env: "RATE_LIMIT_BURST",
    flag: "--rate-limit-burst",
    help: "requests a client may send at once; 0 turns rate limits off",
    default: "120",
  },
  { env: "RATE_LIMIT_PER_SECOND", flag: "--rate-limit-per-second", help: "requests a client regains each second", default: "20" },
  {
    env: "KEYED_RATE_FACTOR",
    flag: "--keyed-rate-factor",
    help: "how many times the public rate limit a caller with an API key (per key) gets",
    default: "10",
  },
  {
    env: "EXPORT_ROW_LIMIT",
    flag: "--export-row-limit",
    help: "most rows one CSV export may hold for a caller without a key",
    default: "10000",
  },
  {
    env: "EXPORT_ROW_LIMIT_KEYED",
    flag: "--export-row-limit-keyed",
    help: "most rows one CSV export may hold for a caller with an API key",
    default: "100000",
  },
  { env: "CACHE_MAX_AGE", flag: "--cache-max-age", help: "seconds public answers may be cached; 0 turns caching off", default: "60" },
  { env: "INTROSPECTION", flag: "--introspection", help: "answer introspection queries (true | false)", default: "true" },
  { env: "OPERATION_TIMEOUT_MS", flag: "--operation-timeout-ms", help: "deadline of one GraphQL operation", default: "5000" },
  {
    env: "MAX_IN_FLIGHT",
    flag: "--max-in-flight",
    help: "operations executing at once (default: 8 on the embedded database, 2 × DATABASE_POOL_SIZE on PostgreSQL)",
  },
  { env: "MAX_QUEUED", flag: "--max-queued", help: "operations waiting for their turn; more are refused 503", default: "2000" },
  { env: "MAX_COST", flag: "--max-cost", help: "largest cost of one operation (lists multiply)", default: "50000" },
  { env: "MAX_DEPTH", flag: "--max-depth", help: "deepest field nesting of one operation", default: "20" },
  { env: "MAX_ALIASES", flag: "--max-aliases", help: "aliased fields in one operation", default: "30" },
  { env: "MAX_DIRECTIVES", flag: "--max-directives", help: "directives in one operation", default: "20" },
  { env: "MAX_TOKENS", flag: "--max-tokens", help: "tokens of one GraphQL document", default: "3000" },
  { env: "MAX_DOCUMENT_BYTES", flag: "--max-document-bytes", help: "bytes of one GraphQL document", default: "20000" },
  {
    env: "MAX_RESPONSE_BYTES",
    flag: "--max-response-bytes",
    help: "bytes of one GraphQL answer; a larger one is refused with OPERATION_LIMIT_EXCEEDED",
    default: "10000000",
  },
  {
    env: "MAX_REPEATED_FIELDS",
    flag: "--max-repeated-fields",
    help: "times one field (or alias) may appear in one selection set",
    default: "20",
  },
  { env: "BODY_LIMIT_BYTES", flag: "--body-limit-bytes", help: "bytes of one request body", default: "65536" },
  { env: "HEADERS_TIMEOUT_MS", flag: "--headers-timeout-ms", help: "time a client has to send the request headers", default: "10000" },
  { env: "REQUEST_TIMEOUT_MS", flag: "--request-timeout-ms", help: "time a client has to send the whole request", default: "30000" },
  {
    env: "KEEP_ALIVE_TIMEOUT_MS",
    flag: "--keep-alive-timeout-ms",
    help: "idle time before a kept-alive connection is closed",
    default: "5000",
  },
  { env: "MAX_CONNECTIONS", flag: "--max-connections", help: "open connections at once; more are refused", default: "1024" },
  {
    env: "MAX_CONNECTIONS_PER_ADDRESS",
    flag: "--max-connections-per-address",
    help: "open connections from one address (a trusted proxy has no limit); more are refused",
    default: "256",
  },
  { env: "SHUTDOWN_GRACE_MS", flag: "--shutdown-grace-ms", help: "time in-flight requests get to finish on SIGTERM", default: "10000" },
];

export function helpText(): string {
  const rows = SETTINGS.map((s) => {
    const name = s.boolean ? s.flag : `${s.flag} <value>`;
    const def = s.default === undefined ? "" : ` (default: ${s.default})`;
    return `  ${name.padEnd(30)} ${s.env.padEnd(20)} ${s.help}${def}`;
  });
  return [
    "NEAR data hub: the GraphQL graph of the Association of North East Asia Regional Governments",
    "",
    "Usage: npm start -- [flags]",
    "",
    "Every flag can also be given as the environment variable beside it; the flag wins.",
    `  ${"flag".padEnd(30)} ${"variable".padEnd(20)} meaning`,
    ...rows,
    "  --help                         print this text",
  ].join("\n");
}

/**
 * Parses `--flag value`, `--flag=value` and boolean `--flag` with `node:util`'s strict
 * parser, which rejects unknown flags and positionals; its messages are reworded into
 * the hub's one-line form.
 */
function flagError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const named = /'([^']+)'/.exec(message ?? "")?.[1]?.split(" ")[0] ?? "";
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const setting = SETTINGS.find((s) => s.flag === named);
    return setting?.boolean ? `${named} takes no value (use ${setting.env}=true|false)` : `${named} needs a value`;
  }
  return `unknown argument "${named}" (see --help)`;
}

export function parseFlags(argv: readonly string[]): Map<string, string> {
  const options = Object.fromEntries(
    SETTINGS.map((s) => [s.flag.slice(2), { type: s.boolean ? ("boolean" as const) : ("string" as const) }]),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError(flagError(error));
  }
  const flags = new Map<string, string>();
  for (const setting of SETTINGS) {
    const value = values[setting.flag.slice(2)];
    if (value !== undefined) flags.set(setting.env, String(value));
  }
  return flags;
}
