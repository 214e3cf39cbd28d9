import { describe, expect, it } from "vitest";
import { ConfigError, helpText, loadConfig } from "../src/config";

describe("configuration", () => {
  it("defaults to the embedded database in ./data on 127.0.0.1:4000, with every limit at its documented default", () => {
    expect(loadConfig({}, [])).toEqual({
      port: 4000,
      host: "127.0.0.1",
      database: { kind: "pglite", dataDir: "./data", diskReserveBytes: 64 * 1024 * 1024 },
      // Not set: main takes info for JSON lines, warn for a person's plain lines.
      logLevel: null,
      logFormat: "auto",
      seedIfEmpty: true,
      calendarYearsAhead: 5,
      limits: {
        maxCost: 50_000,
        maxDepth: 20,
        maxAliases: 30,
        maxDirectives: 20,
        maxTokens: 3000,
        maxDocumentBytes: 20_000,
        maxRepeatedFields: 20,
        maxResponseBytes: 10_000_000,
        timeoutMs: 5000,
        maxInFlight: 8,
        maxQueued: 2000,
      },
      http: {
        bodyLimitBytes: 65_536,
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5000,
        maxConnections: 1024,
        maxConnectionsPerAddress: 256,
        shutdownGraceMs: 10_000,
        corsOrigins: "*",
        trustProxy: false,
      },
      rateLimit: { burst: 120, perSecond: 20, keyedFactor: 10 },
      exportRowLimits: { public: 10_000, keyed: 100_000 },
      cacheMaxAgeSeconds: 60,
      redisUrl: null,
      redisTimeoutMs: 250,
      metricsPort: null,
      introspection: true,
      webhooks: { timeoutMs: 10_000, maxAttempts: 8, retryBaseMs: 5000, retentionDays: 30, allowLoopbackHttp: false },
    });
  });

  it("refuses the heap settings that are Node's flags now, naming the flag", () => {
    expect(() => loadConfig({ SEMI_SPACE_MB: "8" }, [])).toThrow(
      "SEMI_SPACE_MB is no longer read: the heap is sized where Node starts, with NODE_OPTIONS=--max-semi-space-size=<MB>",
    );
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: "50" }, [])).toThrow("HEAP_GROWTH_PERCENT is no longer read");
    expect(() => loadConfig({}, ["--semi-space-mb", "16"])).toThrow(ConfigError);
  });

  it("reads the serving settings: origins, Redis, metrics, limits off", () => {
    const config = loadConfig(
      {
        CORS_ORIGINS: "https://a.example, http://localhost:3000",
        REDIS_URL: "redis://127.0.0.1:6379",
        METRICS_PORT: "9464",
        RATE_LIMIT_BURST: "0",
      },
      ["--introspection", "false", "--max-cost", "100"],
    );
    expect(config.http.corsOrigins).toEqual(["https://a.example", "http://localhost:3000"]);
    expect([config.redisUrl, config.metricsPort, config.rateLimit, config.introspection, config.limits.maxCost]).toEqual([
      "redis://127.0.0.1:6379",
      9464,
      null,
      false,
      100,
    ]);
  });

  it("reads environment variables, and flags win over them", () => {
    const env = { PORT: "5000", HOST: "0.0.0.0", DATABASE_URL: "postgres://u@db:5432/near", DATABASE_POOL_SIZE: "25", LOG_LEVEL: "WARN" };
    expect(loadConfig(env, ["--port", "6000", "--log-level=debug"])).toMatchObject({
      port: 6000,
      host: "0.0.0.0",
      database: { kind: "postgres", url: "postgres://u@db:5432/near", poolSize: 25, preparedStatements: true },
      logLevel: "debug",
      seedIfEmpty: true,
      calendarYearsAhead: 5,
    });
    expect(loadConfig(env, ["--database-prepared-statements", "false"]).database).toMatchObject({ preparedStatements: false });
    expect(loadConfig({}, ["--memory"]).database).toMatchObject({ kind: "pglite", dataDir: null });
    expect(loadConfig({ DATA_DIR: "/var/near", DISK_RESERVE_MB: "1" }, []).database).toEqual({
      kind: "pglite",
      dataDir: "/var/near",
      diskReserveBytes: 1024 * 1024,
    });
  });

  it.each([
    [{ PORT: "80a" }, [], 'PORT must be a whole number, got "80a"'],
    [{ PORT: "70000" }, [], "PORT must be between 0 and 65535, got 70000"],
    [{ DATABASE_URL: "not a url" }, [], 'DATABASE_URL is not a valid URL: "not a url" (expected postgres://user@host:port/database)'],
    [{ DATABASE_URL: "mysql://x@y/z" }, [], 'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"'],
    [{ DATABASE_URL: "postgres://x@y" }, [], 'DATABASE_URL names no database: "postgres://x@y"'],
    [{ DATABASE_URL: "postgres://x@y/z", DATABASE_POOL_SIZE: "0" }, [], "DATABASE_POOL_SIZE must be between 1 and 1000, got 0"],
    [
      { DATABASE_URL: "postgres://x@y/z", DATABASE_PREPARED_STATEMENTS: "sometimes" },
      [],
      'DATABASE_PREPARED_STATEMENTS must be true or false, got "sometimes"',
    ],
    [{ LOG_LEVEL: "loud" }, [], 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ LOG_FORMAT: "pretty" }, [], 'LOG_FORMAT must be one of auto, json, plain, got "pretty"'],
    [{}, ["--frobnicate"], 'unknown argument "--frobnicate" (see --help)'],
    [{}, ["--port"], "--port needs a value"],
    [{ DATABASE_URL: "postgres://x@y/z" }, ["--memory"], "--memory and DATABASE_URL exclude each other"],
    [
      { CORS_ORIGINS: "https://a.example/path" },
      [],
      'CORS_ORIGINS must be * or origins like https://partner.example, got "https://a.example/path"',
    ],
    [{ REDIS_URL: "http://cache" }, [], 'REDIS_URL must start with redis:// or rediss://, got "http://"'],
    [{ OPERATION_TIMEOUT_MS: "1" }, [], "OPERATION_TIMEOUT_MS must be between 10 and 3600000, got 1"],
  ] as const)("refuses %o %o with one clear line", (env, argv, message) => {
    expect(() => loadConfig(env, argv)).toThrow(new ConfigError(message));
  });

  it("lists every variable and flag in --help", () => {
    const help = helpText();
    for (const name of [
      "PORT",
      "HOST",
      "DATA_DIR",
      "DATABASE_URL",
      "DATABASE_POOL_SIZE",
      "DATABASE_PREPARED_STATEMENTS",
      "LOG_LEVEL",
      "LOG_FORMAT",
      "--memory",
      "--port",
      "--database-url",
    ]) {
      expect(help).toContain(name);
    }
  });

  it("reads TRUST_PROXY as a number of proxies or their addresses, and refuses true, which trusts what a client writes", () => {
    expect(loadConfig({ TRUST_PROXY: "2" }, []).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }, []).http.trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(loadConfig({ TRUST_PROXY: "false" }, []).http.trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: "true" }, [])).toThrow(/TRUST_PROXY=true would trust every address/);
    expect(() => loadConfig({ TRUST_PROXY: "not-an-address" }, [])).toThrow(/TRUST_PROXY must be false, a number of proxies, or addresses/);
  });
});
