import { compile as compileTrust } from "@fastify/proxy-addr";
import { ConfigError, SETTINGS, parseFlags } from "./settings";
import { isOneOf } from "./core/enums";

export { ConfigError, helpText } from "./settings";

/**
 * Every setting of the hub, read once from the environment and the command line,
 * validated, and frozen. A flag wins over its environment variable.
 */

type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

const LOG_FORMATS = ["auto", "json", "plain"] as const;
type LogFormat = (typeof LOG_FORMATS)[number];

export type DatabaseConfig =
  | {
      kind: "pglite";
      dataDir: string | null;
      /** Free bytes the data folder's disk keeps: below, writes are refused (core/storage-guard.ts). */
      diskReserveBytes?: number;
    }
  | {
      kind: "postgres";
      url: string;
      poolSize: number;
      /** Statements with parameters run as named prepared statements (default true); off behind a pooler that cannot keep them. */
      preparedStatements?: boolean;
    };

/** What one GraphQL operation may ask for; each is refused before execution (docs/security.md). */
export interface OperationLimits {
  readonly maxCost: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxDocumentBytes: number;
  /** Bytes of one answer: a larger one is refused (the cost bounds it; this is the last word). */
  readonly maxResponseBytes: number;
  /** Times one response name may appear in one selection set: validation compares those pairwise. */
  readonly maxRepeatedFields: number;
  /** Wall time one operation may run; at the deadline its SQL stops and the client gets TIMEOUT. */
  readonly timeoutMs: number;
  /** Operations executing at once; more wait in arrival order. */
  readonly maxInFlight: number;
  /** Operations that may wait; more are refused 503 at once. */
  readonly maxQueued: number;
}

export type TrustProxy = false | number | readonly string[];

interface HttpSettings {
  readonly bodyLimitBytes: number;
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnections: number;
  /** Open connections from one address that is not a trusted proxy. */
  readonly maxConnectionsPerAddress: number;
  /** How long in-flight requests get to finish on SIGTERM/SIGINT. */
  readonly shutdownGraceMs: number;
  /** `*` or a list of origins allowed to read responses in a browser. */
  readonly corsOrigins: "*" | readonly string[];
  /**
   * The proxies in front of the hub (Fastify's `trustProxy`): false, their number (the
   * client is that many addresses from the right of `X-Forwarded-For`), or their addresses
   * and CIDRs (the client is the first untrusted address from the right).
   */
  readonly trustProxy: TrustProxy;
}

export interface RateLimitSettings {
  /** Requests a client may send at once (the bucket's size). */
  readonly burst: number;
  /** Requests a client regains each second. */
  readonly perSecond: number;
  /** Multiplies both for a caller with an API key (counted per key). */
  readonly keyedFactor: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  /** Null when not set: then info for JSON logs, warn for plain lines (`logFormat`). */
  readonly logLevel: LogLevel | null;
  /** `auto`: plain lines in a terminal, JSON otherwise (main decides, seeing stdout). */
  readonly logFormat: LogFormat;
  /** Load the 2020 seeds when the database holds no government yet. */
  readonly seedIfEmpty: boolean;
  /** Years past the later of the facts horizon and today that the calendar reaches (charter/calendar.ts). */
  readonly calendarYearsAhead: number;
  readonly limits: OperationLimits;
  readonly http: HttpSettings;
  /** Null: rate limits off. */
  readonly rateLimit: RateLimitSettings | null;
  /** Seconds a public answer may be reused by caches and the hub's response cache; 0 turns caching off. */
  readonly cacheMaxAgeSeconds: number;
  /** Most rows one CSV export may hold: without a key, and with one. */
  readonly exportRowLimits: { readonly public: number; readonly keyed: number };
  /** Shared state of many replicas (rate limits, persisted queries, response cache); null: in this process. */
  readonly redisUrl: string | null;
  /** Longest one Redis command may take before the hub falls back to this process's memory. */
  readonly redisTimeoutMs: number;
  /** Port of the Prometheus `/metrics` endpoint on HOST; null: no metrics endpoint. */
  readonly metricsPort: number | null;
  readonly introspection: boolean;
  readonly webhooks: WebhookSettings;
}

/** How webhooks are delivered (docs/live.md). */
interface WebhookSettings {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  /** Days a fanned-out change and its finished deliveries are kept; 0: for ever. */
  readonly retentionDays: number;
  /** Plain http:// to this machine is accepted: for a receiver in development, and the tests'. */
  readonly allowLoopbackHttp: boolean;
}

/** Settings of earlier versions that are Node's to take now, with the flag that replaced each. */
const RETIRED = new Map([
  ["SEMI_SPACE_MB", "NODE_OPTIONS=--max-semi-space-size=<MB>"],
  ["HEAP_GROWTH_PERCENT", "node --heap-growing-percent=<percent> (a V8 flag NODE_OPTIONS does not take)"],
]);

function parseInteger(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Requests a second: a positive decimal (0.5 is one request every two seconds). */
function parseRate(raw: string): number {
  const value = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || value <= 0 || value > 1_000_000) {
    throw new ConfigError(`RATE_LIMIT_PER_SECOND must be a number above 0, got "${raw}"`);
  }
  return value;
}

function parseBoolean(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off", ""].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function parseUrl(name: string, raw: string, protocols: readonly string[], example: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}" (expected ${example})`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(" or ")}, got "${url.protocol}//"`);
  }
  if (!url.hostname) throw new ConfigError(`${name} has no host: "${raw}"`);
  return raw;
}

/** `false`, a number of hops, or addresses and CIDRs (`proxy-addr`'s words `loopback`, `linklocal`, `uniquelocal` too). */
function parseTrustProxy(raw: string): TrustProxy {
  const text = raw.trim().toLowerCase();
  if (["", "false", "0", "no", "off"].includes(text)) return false;
  if (["true", "yes", "on"].includes(text)) {
    throw new ConfigError(
      "TRUST_PROXY=true would trust every address in X-Forwarded-For, which a client writes itself: give the number of proxies in front of the hub (1 for one load balancer) or their addresses",
    );
  }
  if (/^\d+$/.test(text)) return parseInteger("TRUST_PROXY", text, 1, 100);
  const entries = raw.split(",").map((entry) => entry.trim());
  try {
    compileTrust(entries);
  } catch (error) {
    throw new ConfigError(`TRUST_PROXY must be false, a number of proxies, or addresses and CIDRs: ${(error as Error).message}`);
  }
  return entries;
}

function parseOrigins(raw: string): "*" | string[] {
  if (raw.trim() === "*") return "*";
  return raw.split(",").map((origin) => {
    const text = origin.trim();
    let url: URL | null = null;
    try {
      url = new URL(text);
    } catch {
      url = null;
    }
    // An origin is scheme, host and port only: what a browser sends in `Origin`.
    if (url === null || url.origin !== text) {
      throw new ConfigError(`CORS_ORIGINS must be * or origins like https://partner.example, got "${text}"`);
    }
    return text;
  });
}

function parseDatabaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a valid URL: "${raw}" (expected postgres://user@host:port/database)`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (!url.hostname) throw new ConfigError(`DATABASE_URL has no host: "${raw}"`);
  if (url.pathname.length <= 1) throw new ConfigError(`DATABASE_URL names no database: "${raw}"`);
  return raw;
}

/** Reads the configuration; `--help` is answered by the caller before this runs. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): Config {
  const flags = parseFlags(argv);
  const read = (name: string): string | undefined => {
    const fromFlag = flags.get(name);
    if (fromFlag !== undefined) return fromFlag;
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
    return SETTINGS.find((s) => s.env === name)?.default;
  };

  for (const [name, replacement] of RETIRED) {
    if (env[name] !== undefined) {
      throw new ConfigError(`${name} is no longer read: the heap is sized where Node starts, with ${replacement} (docs/deploy.md)`);
    }
  }
  const logLevel = read("LOG_LEVEL")?.trim().toLowerCase() ?? null;
  if (logLevel !== null && !isOneOf(LOG_LEVELS, logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  const logFormat = read("LOG_FORMAT")!.trim().toLowerCase();
  if (!isOneOf(LOG_FORMATS, logFormat)) throw new ConfigError(`LOG_FORMAT must be one of ${LOG_FORMATS.join(", ")}, got "${logFormat}"`);
  const databaseUrl = read("DATABASE_URL");
  const memory = parseBoolean("MEMORY", read("MEMORY") ?? "false");
  if (databaseUrl !== undefined && memory) throw new ConfigError("--memory and DATABASE_URL exclude each other");

  const database: DatabaseConfig =
    databaseUrl === undefined
      ? {
          kind: "pglite",
          dataDir: memory ? null : read("DATA_DIR")!,
          diskReserveBytes: parseInteger("DISK_RESERVE_MB", read("DISK_RESERVE_MB")!, 0, 1_000_000) * 1024 * 1024,
        }
      : {
          kind: "postgres",
          url: parseDatabaseUrl(databaseUrl),
          poolSize: parseInteger("DATABASE_POOL_SIZE", read("DATABASE_POOL_SIZE")!, 1, 1000),
          preparedStatements: parseBoolean("DATABASE_PREPARED_STATEMENTS", read("DATABASE_PREPARED_STATEMENTS")!),
        };

  const int = (name: string, min: number, max: number) => parseInteger(name, read(name)!, min, max);
  const redisUrl = read("REDIS_URL");
  const metricsPort = read("METRICS_PORT");
  const burst = int("RATE_LIMIT_BURST", 0, 1_000_000);
  return Object.freeze({
    port: int("PORT", 0, 65535),
    host: read("HOST")!,
    database,
    logLevel,
    logFormat,
    seedIfEmpty: parseBoolean("SEED", read("SEED")!),
    calendarYearsAhead: int("CALENDAR_YEARS_AHEAD", 0, 100),
    limits: Object.freeze({
      maxCost: int("MAX_COST", 1, 100_000_000),
      maxDepth: int("MAX_DEPTH", 1, 1000),
      maxAliases: int("MAX_ALIASES", 0, 100_000),
      maxDirectives: int("MAX_DIRECTIVES", 0, 100_000),
      maxTokens: int("MAX_TOKENS", 10, 10_000_000),
      maxDocumentBytes: int("MAX_DOCUMENT_BYTES", 100, 100_000_000),
      maxRepeatedFields: int("MAX_REPEATED_FIELDS", 1, 100_000),
      maxResponseBytes: int("MAX_RESPONSE_BYTES", 1024, 2_000_000_000),
      timeoutMs: int("OPERATION_TIMEOUT_MS", 10, 3_600_000),
      // PGlite runs one statement at a time in its own thread: several operations in flight keep it
      // busy while the event loop prepares and answers the others.
      maxInFlight:
        read("MAX_IN_FLIGHT") === undefined ? (database.kind === "pglite" ? 8 : 2 * database.poolSize) : int("MAX_IN_FLIGHT", 1, 100_000),
      maxQueued: int("MAX_QUEUED", 0, 1_000_000),
    }),
    http: Object.freeze({
      bodyLimitBytes: int("BODY_LIMIT_BYTES", 1024, 100_000_000),
      headersTimeoutMs: int("HEADERS_TIMEOUT_MS", 100, 3_600_000),
      requestTimeoutMs: int("REQUEST_TIMEOUT_MS", 100, 3_600_000),
      keepAliveTimeoutMs: int("KEEP_ALIVE_TIMEOUT_MS", 100, 3_600_000),
      maxConnections: int("MAX_CONNECTIONS", 1, 1_000_000),
      maxConnectionsPerAddress: int("MAX_CONNECTIONS_PER_ADDRESS", 1, 1_000_000),
      shutdownGraceMs: int("SHUTDOWN_GRACE_MS", 0, 3_600_000),
      corsOrigins: parseOrigins(read("CORS_ORIGINS")!),
      trustProxy: parseTrustProxy(read("TRUST_PROXY")!),
    }),
    rateLimit:
      burst === 0
        ? null
        : Object.freeze({
            burst,
            perSecond: parseRate(read("RATE_LIMIT_PER_SECOND")!),
            keyedFactor: int("KEYED_RATE_FACTOR", 1, 1000),
          }),
    cacheMaxAgeSeconds: int("CACHE_MAX_AGE", 0, 31_536_000),
    exportRowLimits: Object.freeze({ public: int("EXPORT_ROW_LIMIT", 0, 10_000_000), keyed: int("EXPORT_ROW_LIMIT_KEYED", 0, 10_000_000) }),
    redisUrl: redisUrl === undefined ? null : parseUrl("REDIS_URL", redisUrl, ["redis:", "rediss:"], "redis://host:6379"),
    redisTimeoutMs: int("REDIS_TIMEOUT_MS", 10, 60_000),
    metricsPort: metricsPort === undefined ? null : parseInteger("METRICS_PORT", metricsPort, 0, 65535),
    introspection: parseBoolean("INTROSPECTION", read("INTROSPECTION")!),
    webhooks: Object.freeze({
      timeoutMs: int("WEBHOOK_TIMEOUT_MS", 100, 600_000),
      maxAttempts: int("WEBHOOK_MAX_ATTEMPTS", 1, 100),
      retryBaseMs: int("WEBHOOK_RETRY_BASE_MS", 1, 3_600_000),
      retentionDays: int("OUTBOX_RETENTION_DAYS", 0, 36_500),
      allowLoopbackHttp: parseBoolean("WEBHOOK_ALLOW_LOOPBACK_HTTP", read("WEBHOOK_ALLOW_LOOPBACK_HTTP")!),
    }),
  });
}

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}
