import { parseArgs } from "node:util";

/**
 * Every setting of the hub, read once from the environment and the command line,
 * validated, and frozen. A flag wins over its environment variable.
 */

type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
const LOG_LEVELS: readonly LogLevel[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

export type DatabaseConfig = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string; poolSize: number };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  /** Load the 2020 seeds when the database holds no government yet. */
  readonly seedIfEmpty: boolean;
}

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

const SETTINGS: readonly Setting[] = [
  { env: "PORT", flag: "--port", help: "TCP port to listen on", default: "4000" },
  { env: "HOST", flag: "--host", help: "interface to bind", default: "127.0.0.1" },
  { env: "DATA_DIR", flag: "--data-dir", help: "folder of the embedded PGlite database", default: "./data" },
  { env: "MEMORY", flag: "--memory", help: "embedded database in memory only (thrown away on exit)", boolean: true },
  {
    env: "DATABASE_URL",
    flag: "--database-url",
    help: "postgres://user:pass@host:port/db; when set, PostgreSQL replaces the embedded database",
  },
  { env: "DATABASE_POOL_SIZE", flag: "--database-pool-size", help: "connections to PostgreSQL", default: "10" },
  { env: "LOG_LEVEL", flag: "--log-level", help: LOG_LEVELS.join(" | "), default: "info" },
  { env: "SEED", flag: "--seed", help: "load the 2020 seeds into an empty database (true | false)", default: "true" },
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

function parseFlags(argv: readonly string[]): Map<string, string> {
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

function parseInteger(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function parseBoolean(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off", ""].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
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

  const logLevel = read("LOG_LEVEL")!.trim().toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  const databaseUrl = read("DATABASE_URL");
  const memory = parseBoolean("MEMORY", read("MEMORY") ?? "false");
  if (databaseUrl !== undefined && memory) throw new ConfigError("--memory and DATABASE_URL exclude each other");

  const database: DatabaseConfig =
    databaseUrl === undefined
      ? { kind: "pglite", dataDir: memory ? null : read("DATA_DIR")! }
      : {
          kind: "postgres",
          url: parseDatabaseUrl(databaseUrl),
          poolSize: parseInteger("DATABASE_POOL_SIZE", read("DATABASE_POOL_SIZE")!, 1, 1000),
        };

  return Object.freeze({
    port: parseInteger("PORT", read("PORT")!, 0, 65535),
    host: read("HOST")!,
    database,
    logLevel: logLevel as LogLevel,
    seedIfEmpty: parseBoolean("SEED", read("SEED")!),
  });
}

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}
